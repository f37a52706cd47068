package org.syncpost.email.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadNameTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../../etc/passwd|passwd",
        "..\\..\\windows\\system32\\cmd.exe|cmd.exe",
        ".bashrc|bashrc",
        "report.pdf.   |report.pdf",
        "CON.txt|_CON.txt",
        "nul|_nul",
        "a<b>c:d\"e?g*h.txt|a_b_c_d_e_g_h.txt",
        "50%; filename=evil.exe|50__ filename=evil.exe",
        "Prüfbericht.pdf|Prüfbericht.pdf",
        "..|attachment-3",
        "/|attachment-3",
        "''|attachment-3",
      })
  void aNameIsMadeSafeToSave(String written, String offered) {
    assertThat(DownloadName.of(written, "attachment-3").name()).isEqualTo(offered);
  }

  @Test
  void controlAndBidiCharactersBecomeUnderscores() {
    assertThat(DownloadName.of("in\u0000voice\r\n\u202Efdp.exe", "x").name())
        .isEqualTo("in_voice___fdp.exe");
  }

  @Test
  void noNameGivesTheFallback() {
    assertThat(DownloadName.of(null, "attachment-0").name()).isEqualTo("attachment-0");
  }

  @Test
  void aVeryLongNameKeepsItsExtension() {
    String name = DownloadName.of("a".repeat(5000) + ".pdf", "x").name();

    assertThat(name).hasSize(200).endsWith("aaa.pdf");
  }

  @Test
  void theContentDispositionHasAnAsciiNameAndTheUtf8Name() {
    assertThat(DownloadName.of("Prüf bericht 東京.pdf", "x").contentDisposition())
        .isEqualTo(
            "attachment; filename=\"Pr_f bericht __.pdf\";"
                + " filename*=UTF-8''Pr%C3%BCf%20bericht%20%E6%9D%B1%E4%BA%AC.pdf");
  }

  @Test
  void aLongNameIsNotCutInsideACharacter() {
    String name = DownloadName.of("a" + "😀".repeat(300), "x").name();

    assertThat(name).hasSizeLessThanOrEqualTo(200).doesNotEndWith("\uD83D");
    assertThat(Character.isHighSurrogate(name.charAt(name.length() - 1))).isFalse();
  }
}
