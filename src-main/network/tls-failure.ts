// A refused certificate, in words: which host, and why, with what to do about it. Node reports
// OpenSSL's codes (CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, ...), which mean nothing to a user.

const reasons: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet (check this computer’s date and time)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN:
    'its certificate comes from a self-signed authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'its certificate comes from an authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate comes from an authority this computer does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its certificate comes from an authority this computer does not trust',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for a different name',
  CERT_REVOKED: 'its certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'its certificate’s signature is not valid',
};

/** The sentence for a certificate failure, or undefined when `code` is not one. */
export function certificateRefusedSentence(code: string, host: string): string | undefined {
  const reason =
    reasons[code] ??
    (code.startsWith('CERT_') || code.startsWith('ERR_TLS_CERT')
      ? 'its certificate could not be verified'
      : undefined);
  if (reason === undefined) return undefined;
  const advice =
    code === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
    code === 'CERT_HAS_EXPIRED' ||
    code === 'CERT_NOT_YET_VALID'
      ? 'Check the server address in Settings.'
      : 'If your company inspects secure connections, ask IT to install its certificate in this computer’s certificate store.';
  return `GreenCloud Desktop did not trust ${host}: ${reason}. ${advice}`;
}
