// Expansion ------------------------------------------------------------------------------------
import { renderAccount } from '../accounts/accounts';
import { renderCharge } from '../charges/charges';
import type { Engine } from '../core/engine';
import { renderDispute } from '../disputes/disputes';
import { renderExternalAccount } from '../external-accounts/external-accounts';
import { renderTransfer } from '../transfers/transfers';
import { invalidRequest } from './errors';

/** Renders any object by id (for `expand[]`), or undefined when the id is unknown. */
export function renderById(engine: Engine, id: string): unknown {
  const { state } = engine;
  if (id.startsWith('txn_')) {
    const transaction = state.balanceTransactions[id];
    return transaction && engine.renderBalanceTransaction(transaction);
  }
  if (id.startsWith('ch_')) return state.charges[id] && renderCharge(engine, state.charges[id]);
  if (id.startsWith('pi_'))
    return state.paymentIntents[id] && structuredClone(state.paymentIntents[id]);
  if (id.startsWith('trr_'))
    return state.transferReversals[id] && structuredClone(state.transferReversals[id]);
  if (id.startsWith('tr_')) return state.transfers[id] && renderTransfer(engine, id);
  if (id.startsWith('re_')) return state.refunds[id] && structuredClone(state.refunds[id]);
  if (id.startsWith('dp_')) return state.disputes[id] && renderDispute(engine, state.disputes[id]);
  if (id.startsWith('po_')) return state.payouts[id] && structuredClone(state.payouts[id]);
  if (id.startsWith('pm_'))
    return state.paymentMethods[id] && structuredClone(state.paymentMethods[id].object);
  if (id.startsWith('acct_'))
    return state.accounts[id] && renderAccount(engine, state.accounts[id]);
  if (id.startsWith('ba_') || id.startsWith('card_'))
    return state.externalAccounts[id] && renderExternalAccount(state.externalAccounts[id]);
  return undefined;
}

/**
 * Applies `expand[]` paths such as `latest_charge.balance_transaction` or `data.destination`.
 * Handlers may return live state objects (they are serialized at once), so expansion works on a copy.
 */
export function expand(engine: Engine, value: unknown, paths: string[]) {
  if (paths.length === 0) return value;
  value = structuredClone(value);
  for (const path of paths) {
    if (path.split('.').length > 4)
      throw invalidRequest(
        `You cannot expand more than 4 levels of a property. Property: ${path}`,
        { param: 'expand' },
      );
    expandPath(engine, value, path.split('.'), path);
  }
  return value;
}

function expandPath(engine: Engine, value: unknown, segments: string[], fullPath: string) {
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    for (const item of value) expandPath(engine, item, segments, fullPath);
    return;
  }
  const record = value as Record<string, unknown>;
  if (!(head in record)) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
  }
  let child = record[head];
  if (typeof child === 'string') {
    const found = renderById(engine, child);
    if (found === undefined)
      throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
    const rendered = structuredClone(found);
    record[head] = rendered;
    child = rendered;
  }
  if (rest.length > 0) expandPath(engine, child, rest, fullPath);
}
