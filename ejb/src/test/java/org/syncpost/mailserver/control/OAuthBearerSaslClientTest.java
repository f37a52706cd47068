package org.syncpost.mailserver.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The OAUTHBEARER client's messages as RFC 7628 §3.1 and §3.2.3 spell them. */
class OAuthBearerSaslClientTest {

  @Test
  void theInitialResponseNamesTheUserTheHostAndTheBearerToken() throws Exception {
    OAuthBearerSaslClient client =
        new OAuthBearerSaslClient("anna@example.org", "t0ken".toCharArray(), "imap.example.org", 0);

    assertThat(client.hasInitialResponse()).isTrue();
    assertThat(new String(client.evaluateChallenge(new byte[0]), StandardCharsets.UTF_8))
        .isEqualTo(
            "n,a=anna@example.org,\u0001host=imap.example.org\u0001auth=Bearer t0ken\u0001\u0001");
  }

  @Test
  void aCommaOrEqualsSignInTheUserIsEscapedAsAGs2Saslname() throws Exception {
    OAuthBearerSaslClient client = new OAuthBearerSaslClient("a,b=c", "t".toCharArray(), null, 0);

    assertThat(new String(client.evaluateChallenge(new byte[0]), StandardCharsets.UTF_8))
        .startsWith("n,a=a=2Cb=3Dc,\u0001auth=Bearer t");
  }

  @Test
  void anErrorChallengeIsAnsweredWithTheSingleByteThatLetsTheServerFail() throws Exception {
    OAuthBearerSaslClient client =
        new OAuthBearerSaslClient("anna@example.org", "t".toCharArray(), null, 0);
    client.evaluateChallenge(new byte[0]);
    String error = "{\"status\":\"invalid_token\"}";

    byte[] answer = client.evaluateChallenge(error.getBytes(StandardCharsets.UTF_8));

    assertThat(answer).containsExactly(0x01);
    assertThat(client.isComplete()).isTrue();
  }
}
