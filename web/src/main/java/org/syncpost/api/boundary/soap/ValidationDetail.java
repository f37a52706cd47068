package org.syncpost.api.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** Why a request was refused: one entry per invalid field; nothing was stored. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"message", "errors"})
public class ValidationDetail {

  public String message;

  public List<InvalidField> errors = new ArrayList<>();
}
