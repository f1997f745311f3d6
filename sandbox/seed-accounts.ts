// The sandbox's published sign-in details (issue 2, section 2). The app's "Try the sandbox" signs
// in with the demo account, and tests use both. Everything else about these accounts is in
// seed-state.ts.

export const sandboxAccounts = {
  demo: {
    email: 'demo@greencloud.test',
    password: 'Demo123!',
    apiKey: '6f1c2a9e-3b7d-4c58-9e21-0a4b8d7c5f13',
  },
  twofa: {
    email: 'twofa@greencloud.test',
    password: 'Demo123!',
    totpSecret: 'JBSWY3DPEHPK3PXP',
  },
  /** A STARTER account that has never been charged: no invoices, no card on file to show. */
  empty: {
    email: 'empty@greencloud.test',
    password: 'Demo123!',
  },
} as const;
