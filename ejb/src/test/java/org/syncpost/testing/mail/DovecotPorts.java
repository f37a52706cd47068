package org.syncpost.testing.mail;

/** The TCP ports of one test Dovecot; the same on each of its loopback addresses. */
record DovecotPorts(int imap, int imaps, int pop3, int pop3s, int lmtp) {

  static DovecotPorts free() {
    return new DovecotPorts(
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free(),
        LoopbackPorts.free());
  }
}
