// The tray over several accounts: the worst state leads, each account gets a line that opens it.
import { describe, expect, it, vi } from 'vitest';
import { trayViewOf } from '../../../src-main/electron/tray-accounts';
import { toMenuTemplate } from '../../../src-main/electron/tray-menu-template';
import { buildTrayModel } from '../../../src-main/electron/tray-model';
import { quotaStatus } from './quota-status-fixture';

const demo = {
  accountId: 'http://127.0.0.1:4010/v1 demo@greencloud.test',
  email: 'demo@greencloud.test',
  status: quotaStatus({
    level: 'ok',
    quota: 100_000,
    percentLeft: 100,
    percentText: '100%',
    leftText: '100,000 of 100,000 left (100%)',
    summary: 'GreenCloud: DEVELOPER, 100,000 of 100,000 left (100%)',
  }),
};
const twofa = {
  accountId: 'http://127.0.0.1:4010/v1 twofa@greencloud.test',
  email: 'twofa@greencloud.test',
  status: quotaStatus({
    level: 'critical',
    bundle: 'STARTER',
    quota: 5,
    bundleSize: 1_000,
    percentLeft: 0.5,
    percentText: '<1%',
    leftText: '5 of 1,000 left (<1%)',
    summary: 'GreenCloud: STARTER, 5 of 1,000 left (<1%)',
  }),
};
const options = { now: 0, formatTime: String };

// The lines show main's own figure (leftText, made by the one percentage rule), never their own.
it('an account line says what main says is left, even where a sum would differ', () => {
  const line = trayViewOf([
    demo,
    { ...twofa, status: { ...twofa.status, leftText: '200,000 left (2 bundles’ worth)' } },
  ]).accounts![1]!;
  expect(line.label).toBe('twofa@greencloud.test: 200,000 left (2 bundles’ worth), almost used up');
});

describe('trayViewOf', () => {
  it('shows the worst account, named, with one line per account in the menu order', () => {
    const view = trayViewOf([demo, twofa]);
    expect(view.status.level).toBe('critical');
    expect(view.accountId).toBe(twofa.accountId);
    expect(view.status.summary).toBe(
      'twofa@greencloud.test: GreenCloud: STARTER, 5 of 1,000 left (<1%)',
    );
    expect(view.accounts).toEqual([
      {
        accountId: demo.accountId,
        label: 'demo@greencloud.test: 100,000 of 100,000 left (100%), OK',
      },
      {
        accountId: twofa.accountId,
        label: 'twofa@greencloud.test: 5 of 1,000 left (<1%), almost used up',
      },
    ]);
    const model = buildTrayModel(view.status, options, view.accounts);
    expect(model.iconName).toBe('critical');
    expect(model.title).toBe('<1%');
    expect(model.menu.slice(0, 2)).toEqual([
      { kind: 'account', ...view.accounts![0] },
      { kind: 'account', ...view.accounts![1] },
    ]);
  });

  it('with one account looks exactly as before, and with none is signed out', () => {
    expect(trayViewOf([demo])).toEqual({ status: demo.status, accountId: demo.accountId });
    expect(buildTrayModel(trayViewOf([demo]).status, options)).toEqual(
      buildTrayModel(demo.status, options),
    );
    expect(trayViewOf([]).status.level).toBe('signed-out');
  });

  it('an account line in the menu opens that account', () => {
    const view = trayViewOf([demo, twofa]);
    const onOpenAccount = vi.fn();
    const template = toMenuTemplate(
      buildTrayModel(view.status, options, view.accounts).menu,
      () => undefined,
      onOpenAccount,
    );
    const line = template.find((item) => item.label?.startsWith('twofa@'));
    (line?.click as () => void)();
    expect(onOpenAccount).toHaveBeenCalledWith(twofa.accountId);
  });
});
