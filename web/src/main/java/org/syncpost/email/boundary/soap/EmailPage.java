package org.syncpost.email.boundary.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** One page of a list of records and how many match in all (REST: {@code X-Total-Count}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"total", "offset", "limit", "emails"})
public class EmailPage {

  public long total;
  public int offset;
  public int limit;

  public List<Email> emails = new ArrayList<>();
}
