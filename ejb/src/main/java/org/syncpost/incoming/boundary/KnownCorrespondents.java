package org.syncpost.incoming.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.syncpost.access.entity.Role;
import org.syncpost.incoming.control.Correspondents;
import org.syncpost.incoming.entity.CorrespondentsImported;
import org.syncpost.incoming.entity.KnownCorrespondent;
import org.syncpost.validation.entity.InvalidInput;
import org.syncpost.validation.entity.NotFound;
import org.syncpost.validation.entity.Violation;

/**
 * Addresses the organisation knows from elsewhere (a CRM, an address book), imported in lists: the
 * incoming filter {@code KNOWN_CORRESPONDENTS} takes their mail (issue 16). An import adds what is
 * new and counts the rest; it is refused whole when any address is not one.
 */
@Stateless
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class KnownCorrespondents {

  /** More in one request is an export to be split, not a list. */
  public static final int MAX_PER_IMPORT = 10_000;

  /** Violations listed in one refusal; more would bury the first. */
  private static final int MAX_VIOLATIONS = 20;

  /** Addresses looked up per query (an IN list: databases limit its length). */
  private static final int CHUNK = 500;

  @PersistenceContext EntityManager em;

  public CorrespondentsImported add(List<String> addresses, String source) {
    List<Violation> violations = new ArrayList<>();
    if (addresses == null || addresses.isEmpty()) {
      violations.add(new Violation("addresses", "is required: list at least one email address"));
    } else if (addresses.size() > MAX_PER_IMPORT) {
      violations.add(
          new Violation(
              "addresses",
              "lists "
                  + addresses.size()
                  + " addresses; send at most "
                  + MAX_PER_IMPORT
                  + " per request"));
    }
    if (source != null && source.strip().length() > KnownCorrespondent.MAX_SOURCE) {
      violations.add(
          new Violation(
              "source", "is longer than " + KnownCorrespondent.MAX_SOURCE + " characters"));
    }
    Set<String> wanted = new LinkedHashSet<>();
    if (violations.isEmpty()) {
      for (int i = 0; i < addresses.size(); i++) {
        String bare = Correspondents.importable(addresses.get(i));
        if (bare == null) {
          if (violations.size() < MAX_VIOLATIONS) {
            violations.add(
                new Violation(
                    "addresses[" + i + "]",
                    "is not an email address (name@domain); correct or remove it"));
          }
        } else {
          wanted.add(bare);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    Set<String> known = known(List.copyOf(wanted));
    int added = 0;
    for (String address : wanted) {
      if (!known.contains(address)) {
        em.persist(new KnownCorrespondent(address, source));
        added++;
      }
    }
    return new CorrespondentsImported(added, addresses.size() - added);
  }

  private Set<String> known(List<String> addresses) {
    Set<String> known = new HashSet<>();
    for (int from = 0; from < addresses.size(); from += CHUNK) {
      known.addAll(
          em.createQuery(
                  "select k.address from KnownCorrespondent k where k.address in :addresses",
                  String.class)
              .setParameter(
                  "addresses", addresses.subList(from, Math.min(addresses.size(), from + CHUNK)))
              .getResultList());
    }
    return known;
  }

  /** In address order; {@code search} (or {@code null}) is a part of the address. */
  public List<KnownCorrespondent> list(String search, int offset, int limit) {
    return em.createQuery(
            "select k from KnownCorrespondent k where k.address like :search escape '!'"
                + " order by k.address",
            KnownCorrespondent.class)
        .setParameter("search", pattern(search))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(String search) {
    return em.createQuery(
            "select count(k) from KnownCorrespondent k where k.address like :search escape '!'",
            Long.class)
        .setParameter("search", pattern(search))
        .getSingleResult();
  }

  public KnownCorrespondent find(long id) {
    KnownCorrespondent correspondent = em.find(KnownCorrespondent.class, id);
    if (correspondent == null) {
      throw new NotFound("known correspondent", id);
    }
    return correspondent;
  }

  /** Mail from the address is then judged as from anyone else (earlier records still count). */
  public void remove(long id) {
    em.remove(find(id));
  }

  private static String pattern(String search) {
    if (search == null || search.isBlank()) {
      return "%";
    }
    return "%" + Correspondents.escaped(search.strip().toLowerCase(Locale.ROOT)) + "%";
  }
}
