package org.syncpost.email.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Copies a stored attachment's content to a stream in pieces, over JDBC, so that downloading a
 * large attachment does not first load it into the heap as the entity's {@code byte[]} would. On H2
 * the BLOB is read from its storage as it is written out; PostgreSQL's driver still reads a {@code
 * bytea} value whole, once.
 */
@Dependent
public class AttachmentContents {

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  /**
   * Writes the content of the attachment with {@code attachmentId} to {@code out}; the caller's
   * transaction keeps the connection.
   *
   * @return the number of bytes written
   */
  public long copy(long attachmentId, OutputStream out) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select content from email_attachment where id = ?")) {
      select.setLong(1, attachmentId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return 0;
        }
        try (InputStream content = row.getBinaryStream(1)) {
          return content == null ? 0 : content.transferTo(out);
        }
      }
    } catch (SQLException failed) {
      throw new IllegalStateException(
          "reading the content of attachment " + attachmentId + " failed", failed);
    } catch (IOException writing) {
      // the receiving side went away (a download cancelled): nothing to keep
      throw new UncheckedIOException(writing);
    }
  }
}
