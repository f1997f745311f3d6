// The bridge's names without its schemas: every call (grouped by area) and every event main sends,
// and the channels derived from them. The preload and the e2e harness's page script import only
// this file, so they carry no zod; bridge-contract.ts pairs each name with its request schema and
// response type, and the main side parses every payload with those.

/** The calls, by area; each area has its handler file in src-main/core/handlers. */
export const bridgeCallAreas = {
  session: [
    'getSessionState',
    'getStartState',
    'signIn',
    'signInWithApiKey',
    'trySandbox',
    'switchAccount',
    'signOut',
    'signOutAll',
    'requestPasswordReset',
    'setPasswordWithCode',
  ],
  account: [
    'getAccount',
    'refreshAccount',
    'setFlags',
    'changePassword',
    'revealApiKey',
    'copyApiKey',
    'beginTwoFactor',
    'copyTwoFactorSecret',
    'verifyTwoFactor',
    'disableTwoFactor',
  ],
  billing: [
    'setBundle',
    'changeBundle',
    'buyRefill',
    'changeCard',
    'chooseCard',
    'getMoneyStatus',
    'getBillingPreferences',
    'setBillingPreferences',
    'listInvoices',
    'getInvoice',
    'openReceipt',
  ],
  quota: ['getQuotaStatus', 'getQuotaHistory', 'refreshQuotaNow', 'muteAlerts', 'muteAllAlerts'],
  app: [
    'getSettings',
    'updateSettings',
    'getAppInfo',
    'getUpdateStatus',
    'restartToUpdate',
    'answerProxyCredentials',
  ],
} as const;

export type BridgeArea = keyof typeof bridgeCallAreas;
export type AreaCallName<A extends BridgeArea> = (typeof bridgeCallAreas)[A][number];
export type BridgeCallName = AreaCallName<BridgeArea>;
export const bridgeCallNames: readonly BridgeCallName[] = Object.values(bridgeCallAreas).flat();

export const bridgeEventNames = [
  'sessionChanged',
  'accountChanged',
  'quotaChanged',
  'navigate',
  'moneyChanged',
  'proxyCredentialsNeeded',
  'updateChanged',
] as const;
export type BridgeEventName = (typeof bridgeEventNames)[number];

/** `sessionChanged` → `onSessionChanged`: the subscribe function's name on the bridge. */
export type SubscribeName<E extends BridgeEventName> = `on${Capitalize<E>}`;
export function subscribeName<E extends BridgeEventName>(name: E): SubscribeName<E> {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}` as SubscribeName<E>;
}

export function callChannel(name: BridgeCallName): string {
  return `greencloud:call:${name}`;
}
export function eventChannel(name: BridgeEventName): string {
  return `greencloud:event:${name}`;
}
