package org.syncpost.mailserver.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * The client side of SASL OAUTHBEARER (RFC 7628 §3.1), which Angus Mail lacks: one initial response
 * carrying the user and the access token; a refusal comes as a challenge holding the server's JSON
 * error, answered with the single byte {@code %x01} (§3.2.3) so that the server ends the exchange
 * with its failure.
 */
final class OAuthBearerSaslClient implements SaslClient {

  static final String MECHANISM = "OAUTHBEARER";

  private static final byte SEPARATOR = 0x01;

  private final String user;
  private final String host;
  private final int port;
  private char[] token;
  private boolean responded;
  private boolean complete;

  OAuthBearerSaslClient(String user, char[] token, String host, int port) {
    this.user = user;
    this.token = token;
    this.host = host;
    this.port = port;
  }

  @Override
  public String getMechanismName() {
    return MECHANISM;
  }

  @Override
  public boolean hasInitialResponse() {
    return true;
  }

  @Override
  public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
    if (!responded) {
      responded = true;
      return initialResponse();
    }
    // RFC 7628 §3.2.2: after the initial response a challenge is the server's error (JSON); the
    // server's final answer carries the refusal, which Angus reports
    complete = true;
    return new byte[] {SEPARATOR};
  }

  /**
   * RFC 7628 §3.1: {@code n,a=<user>,^Ahost=<host>^Aport=<port>^Aauth=Bearer <token>^A^A}, the user
   * as a GS2 saslname (RFC 5801 §4: {@code =} and {@code ,} escaped).
   */
  private byte[] initialResponse() throws SaslException {
    if (token == null) {
      throw new SaslException("no access token to sign in with");
    }
    String saslName = user == null ? "" : user.replace("=", "=3D").replace(",", "=2C");
    String kvsep = String.valueOf((char) SEPARATOR);
    StringBuilder response = new StringBuilder("n,a=").append(saslName).append(',').append(kvsep);
    if (host != null) {
      response.append("host=").append(host).append(kvsep);
    }
    if (port > 0) {
      response.append("port=").append(port).append(kvsep);
    }
    response.append("auth=Bearer ").append(token).append(kvsep).append(kvsep);
    byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
    Arrays.fill(token, '\0');
    token = null;
    return bytes;
  }

  @Override
  public boolean isComplete() {
    return complete;
  }

  @Override
  public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
    throw new IllegalStateException("OAUTHBEARER negotiates no security layer");
  }

  @Override
  public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
    throw new IllegalStateException("OAUTHBEARER negotiates no security layer");
  }

  @Override
  public Object getNegotiatedProperty(String propName) {
    return null;
  }

  @Override
  public void dispose() {
    if (token != null) {
      Arrays.fill(token, '\0');
      token = null;
    }
  }
}
