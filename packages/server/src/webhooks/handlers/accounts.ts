import { deriveOnboardingState } from '@marketkit/core';
import { snapshotAccount } from '../../accounts/account-status';
import * as repository from '../../stores/repository';
import type { EventFamily } from './types';

/** account.updated: the cached status follows the account as Stripe has it now. */
export const accountEvents: EventFamily = {
  types: ['account.updated'],
  async handle(context, event, record) {
    const { config } = context;
    const accountId = event.account ?? (event.data.object as { id: string }).id;
    const before = await repository.findAccountById(config.store, accountId);
    if (!before) return record();
    const snapshot = snapshotAccount(await config.stripe.accounts.retrieve(accountId));
    const result = await record((client) =>
      repository.saveAccountStatus(client, accountId, snapshot).then(() => undefined),
    );
    context.accounts.forget(accountId);
    if (deriveOnboardingState(before.status) !== deriveOnboardingState(snapshot))
      await config.hooks.onRiskChanged?.({ accountId, reason: 'account.updated' });
    return result;
  },
};
