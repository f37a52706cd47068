package org.syncpost.access.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a facade whose calls {@link AccessGuard} checks against the role matrix; {@link
 * GuardedFacades} puts it on every facade, so no facade can be forgotten.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Guarded {

  /** The annotation as a value, for {@link GuardedFacades}. */
  final class Literal extends AnnotationLiteral<Guarded> implements Guarded {
    public static final Literal INSTANCE = new Literal();
    private static final long serialVersionUID = 1L;
  }
}
