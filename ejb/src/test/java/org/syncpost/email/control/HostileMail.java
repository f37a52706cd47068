package org.syncpost.email.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A corpus of hostile mail made systematically: each of the variants below (broken structure,
 * transfer encodings and charsets, sizes, nesting, headers, attachment names and types) is sent as
 * written, with bare LF line ends, forwarded as a {@code message/rfc822} attachment, and cut off
 * two thirds through. Messages are strings of chars 0–255, one char a byte.
 */
final class HostileMail {

  record Message(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private record Variant(String name, String message) {}

  private HostileMail() {}

  static List<Message> corpus() {
    List<Message> corpus = new ArrayList<>();
    for (Variant v : variants()) {
      corpus.add(message(v.name() + " as written", crlf(v.message())));
      corpus.add(message(v.name() + " with bare LF", v.message()));
      corpus.add(message(v.name() + " forwarded", crlf(forwarded(v.message()))));
      String whole = crlf(v.message());
      corpus.add(message(v.name() + " cut off", whole.substring(0, whole.length() * 2 / 3)));
    }
    return corpus;
  }

  private static Message message(String name, String chars) {
    return new Message(name, chars.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String crlf(String message) {
    return message.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** UTF-8 bytes as chars, to put raw UTF-8 into a message. */
  private static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String forwarded(String message) {
    return "From: forwarder@example.com\nSubject: Fwd\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=fwd\n\n--fwd\nContent-Type: text/plain\n\nsee"
        + " attached\n--fwd\nContent-Type: message/rfc822\n\n"
        + message
        + "\n--fwd--\n";
  }

  private static final String HEAD =
      "From: Sender <sender@example.com>\nTo: rcpt@example.com\nSubject: hostile\n"
          + "Date: Tue, 1 Dec 2026 10:00:00 +0000\nMessage-ID: <h@example.com>\nMIME-Version: 1.0\n";

  private static Variant headers(String name, String headers) {
    return new Variant("header " + name, headers + "\n\nbody\n");
  }

  private static Variant body(String name, String partHeaders, String body) {
    return new Variant("body " + name, HEAD + partHeaders + "\n\n" + body + "\n");
  }

  private static Variant structure(String name, String contentType, String body) {
    return new Variant(
        "structure " + name, HEAD + "Content-Type: " + contentType + "\n\n" + body + "\n");
  }

  private static Variant attachment(String name, String partHeaders) {
    return new Variant(
        "attachment " + name,
        HEAD
            + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n"
            + "--b\n"
            + partHeaders
            + "\nContent-Transfer-Encoding: base64\n\nSGVsbG8=\n--b--\n");
  }

  private static String nested(int depth) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      open.append("--n").append(i).append("\nContent-Type: multipart/mixed; boundary=n");
      open.append(i + 1).append("\n\n");
      close.insert(0, "--n" + i + "--\n");
    }
    return open
        + "--n"
        + depth
        + "\nContent-Type: text/plain\n\ndeep\n--n"
        + depth
        + "--\n"
        + close;
  }

  private static String forwardedTimes(int times) {
    String message = HEAD + "\ninnermost\n";
    for (int i = 0; i < times; i++) {
      message = "From: f" + i + "@example.com\nContent-Type: message/rfc822\n\n" + message;
    }
    return message;
  }

  private static String parts(int count) {
    return IntStream.range(0, count)
            .mapToObj(i -> "--p\nContent-Type: text/plain\n\npart " + i + "\n")
            .collect(Collectors.joining())
        + "--p--";
  }

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }

  private static List<Variant> variants() {
    List<Variant> v = new ArrayList<>();
    // headers
    v.add(headers("none of an email's", "X-Nothing: here"));
    v.add(headers("only a subject", "Subject: alone"));
    v.add(
        headers(
            "subject of 20000 chars",
            HEAD.replace("Subject: hostile", "Subject: " + repeat("s", 20000))));
    v.add(
        headers(
            "subject with NUL and controls", HEAD.replace("hostile", "a\u0000b\u0007c\u001bd")));
    v.add(
        headers(
            "broken encoded word", HEAD.replace("hostile", "=?utf-8?B?####?= =?utf-8?Q?caf=C3?=")));
    v.add(
        headers("unknown charset encoded word", HEAD.replace("hostile", "=?x-unknown?Q?caf=E9?=")));
    v.add(headers("raw UTF-8 subject", HEAD.replace("hostile", utf8("Grüße aus 東京 🎉"))));
    v.add(headers("raw Latin-1 subject", HEAD.replace("hostile", "Gr\u00fc\u00dfe")));
    v.add(
        headers(
            "2000 recipients",
            HEAD.replace(
                "To: rcpt@example.com",
                "To: "
                    + IntStream.range(0, 2000)
                        .mapToObj(i -> "r" + i + "@example.com")
                        .collect(Collectors.joining(", ")))));
    v.add(
        headers(
            "unparseable addresses",
            HEAD.replace("Sender <sender@example.com>", "<<<@>>> \"unclosed <a@@b")));
    v.add(
        headers(
            "address of 5000 chars",
            HEAD.replace("sender@example.com", repeat("a", 5000) + "@example.com")));
    v.add(headers("garbage date", HEAD.replace("Tue, 1 Dec 2026 10:00:00 +0000", "yesterday-ish")));
    v.add(headers("date in year 99999", HEAD.replace("2026", "99999")));
    v.add(headers("date in year 1", HEAD.replace("2026", "0001")));
    v.add(headers("date with zone +9999", HEAD.replace("+0000", "+9999")));
    v.add(
        headers(
            "message-id of 5000 chars",
            HEAD.replace("<h@example.com>", "<" + repeat("m", 5000) + "@x>")));
    v.add(
        headers(
            "10000 references",
            HEAD
                + "References: "
                + IntStream.range(0, 10000)
                    .mapToObj(i -> "<r" + i + "@x>")
                    .collect(Collectors.joining(" "))));
    v.add(headers("folded 10000 times", HEAD + "X-Folded: a" + repeat("\n b", 10000)));
    v.add(headers("a line of 200000 chars", HEAD + "X-Long: " + repeat("x", 200000)));
    v.add(headers("a line without a colon", HEAD + "this is not a header"));
    v.add(
        headers(
            "duplicate content types", HEAD + "Content-Type: text/plain\nContent-Type: text/html"));
    v.add(headers("empty values", "From:\nTo:\nSubject:\nDate:\nMessage-ID:\nContent-Type:"));
    v.add(headers("bare CR line ends", HEAD.replace("\n", "\r")));
    v.add(headers("5000 headers", HEAD + repeat("X-Many: value\n", 5000).strip()));
    v.add(
        headers(
            "auto-submitted and empty return-path",
            HEAD + "Auto-Submitted: auto-replied\nReturn-Path: <>"));
    // transfer encodings and charsets
    v.add(
        body(
            "of 1 MB quoted-printable soft line breaks",
            "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable",
            repeat("=\n", 350_000) + "end"));
    v.add(
        body(
            "quoted-printable with bad escapes",
            "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable",
            "=ZZ =4 =\t \n= =="));
    v.add(
        body(
            "quoted-printable soft breaks with blanks",
            "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable",
            repeat("= \t \n", 50_000) + "x"));
    v.add(
        body(
            "base64 garbage",
            "Content-Type: text/plain\nContent-Transfer-Encoding: base64",
            "!!!not*base64***"));
    v.add(
        body(
            "base64 unpadded",
            "Content-Type: text/plain\nContent-Transfer-Encoding: base64",
            "SGVsbG8"));
    v.add(
        body(
            "base64 of 3 MB",
            "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64",
            Base64.getMimeEncoder().encodeToString(new byte[3_000_000]).replace("\r\n", "\n")));
    v.add(
        body(
            "unknown transfer encoding",
            "Content-Type: text/plain\nContent-Transfer-Encoding: x-rot13",
            "uryyb"));
    v.add(
        body(
            "uuencode garbage",
            "Content-Type: text/plain\nContent-Transfer-Encoding: x-uuencode",
            "begin 644 a\n!!!!\nend"));
    v.add(
        body(
            "8bit in 7bit",
            "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit",
            utf8("naïve café")));
    v.add(body("NUL bytes", "Content-Type: text/plain", "a\u0000b\u0000\u0000c"));
    v.add(body("unknown charset", "Content-Type: text/plain; charset=x-klingon", "qapla'"));
    v.add(
        body(
            "UTF-16 declared, UTF-8 sent",
            "Content-Type: text/plain; charset=utf-16",
            utf8("héllo")));
    v.add(body("UTF-7", "Content-Type: text/plain; charset=utf-7", "Hi Mom -+Jjo--!"));
    v.add(
        body(
            "invalid UTF-8",
            "Content-Type: text/plain; charset=utf-8",
            "\u00c3\u0028 \u00ff\u00fe"));
    v.add(body("empty", "Content-Type: text/plain", ""));
    v.add(body("one line of 2 MB", "Content-Type: text/plain", repeat("y", 2_000_000)));
    v.add(
        body(
            "html with scripts",
            "Content-Type: text/html",
            "<script>alert(1)</script><img src=x onerror=alert(1)>"));
    v.add(body("garbage content type", "Content-Type: ;;;===///", "text"));
    // structure
    v.add(structure("multipart without boundary", "multipart/mixed", "--x\n\nhi\n--x--"));
    v.add(
        structure(
            "multipart without end boundary",
            "multipart/mixed; boundary=x",
            "--x\nContent-Type: text/plain\n\nhi"));
    v.add(
        structure(
            "multipart without start boundary", "multipart/mixed; boundary=x", "just text\n--x--"));
    v.add(structure("empty boundary", "multipart/mixed; boundary=\"\"", "--\n\nhi\n----"));
    v.add(
        structure(
            "boundary of 2000 chars",
            "multipart/mixed; boundary=" + repeat("b", 2000),
            "--" + repeat("b", 2000) + "\n\nhi\n--" + repeat("b", 2000) + "--"));
    v.add(structure("multipart with no parts", "multipart/mixed; boundary=x", "--x--"));
    v.add(structure("2000 parts", "multipart/mixed; boundary=p", parts(2000)));
    v.add(structure("nested 50 levels", "multipart/mixed; boundary=n0", nested(50)));
    v.add(structure("nested 150 levels", "multipart/mixed; boundary=n0", nested(150)));
    v.add(structure("nested 2000 levels", "multipart/mixed; boundary=n0", nested(2000)));
    v.add(new Variant("structure forwarded 30 times", forwardedTimes(30)));
    v.add(new Variant("structure forwarded 500 times", forwardedTimes(500)));
    v.add(
        structure(
            "part without headers", "multipart/mixed; boundary=x", "--x\n\nno headers\n--x--"));
    v.add(
        structure(
            "preamble of 1 MB",
            "multipart/mixed; boundary=x",
            repeat("p", 1_000_000) + "\n--x\n\nhi\n--x--"));
    v.add(
        structure(
            "boundary inside a part",
            "multipart/mixed; boundary=x",
            "--x\n\n--xx --x- x--\n--x--"));
    v.add(
        structure(
            "alternative with html only",
            "multipart/alternative; boundary=x",
            "--x\nContent-Type: text/html\n\n<p>hi</p>\n--x--"));
    v.add(
        structure(
            "multipart encoded as base64",
            "multipart/mixed; boundary=x\nContent-Transfer-Encoding: base64",
            "LS14CgpoaQotLXgtLQ=="));
    // attachment names and types
    v.add(
        attachment(
            "named ../../etc/passwd",
            "Content-Type: text/plain\nContent-Disposition: attachment; filename=\"../../etc/passwd\""));
    v.add(
        attachment(
            "named with NUL",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"a\u0000.pdf\""));
    v.add(
        attachment(
            "named with encoded CRLF",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''a%0D%0ABcc%3A%20x.pdf"));
    v.add(
        attachment(
            "named in raw UTF-8",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\""
                + utf8("Prüfbericht 東京.pdf")
                + "\""));
    v.add(
        attachment(
            "named by RFC 2231",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''Pr%C3%BCf.pdf"));
    v.add(
        attachment(
            "named by broken RFC 2231",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''%ZZ%C3.pdf"));
    v.add(
        attachment(
            "named by RFC 2047",
            "Content-Type: application/pdf; name=\"=?utf-8?B?UHLDvGYucGRm?=\""));
    v.add(
        attachment(
            "named with 5000 chars",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\""
                + repeat("n", 5000)
                + ".pdf\""));
    v.add(
        attachment(
            "named CON",
            "Content-Type: text/plain\nContent-Disposition: attachment; filename=CON"));
    v.add(
        attachment(
            "named with a bidi override",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\""
                + utf8("invoice\u202Efdp.exe")
                + "\""));
    v.add(
        attachment(
            "named empty",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"\""));
    v.add(
        attachment(
            "of a 300-char content type",
            "Content-Type: application/"
                + repeat("x", 300)
                + "\nContent-Disposition: attachment; filename=a.bin"));
    v.add(
        attachment(
            "of type garbage",
            "Content-Type: ///\nContent-Disposition: attachment; filename=a.bin"));
    v.add(
        attachment(
            "of type with quotes",
            "Content-Type: \"text/plain\"\nContent-Disposition: attachment"));
    v.add(
        attachment(
            "with garbage disposition",
            "Content-Type: image/png\nContent-Disposition: ;;;=\"\"\"; filename"));
    v.add(
        attachment(
            "with a content id of 5000 chars",
            "Content-Type: image/png\nContent-ID: <" + repeat("c", 5000) + ">"));
    return v;
  }
}
