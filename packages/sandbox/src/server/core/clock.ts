import { refreshAccount } from '../accounts/verification';
import { invalidRequest } from '../http/errors';
import { runAutomaticPayouts, settlePayouts } from '../payouts/payouts';
import { day, type Engine } from './engine';

/**
 * Moves the clock forward, stopping at every moment something happens (funds becoming available,
 * payouts arriving, midnight payout runs, verification deadlines) so effects occur in time order.
 */
export function advanceClock(engine: Engine, seconds: number) {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw invalidRequest('seconds must be a non-negative number.', { param: 'seconds' });
  const target = engine.now() + Math.floor(seconds);
  settlePayouts(engine);
  for (;;) {
    const from = engine.now();
    const nextMidnight = (Math.floor(from / day) + 1) * day;
    let next = Math.min(target, nextMidnight);
    for (const transaction of Object.values(engine.state.balanceTransactions)) {
      if (transaction.available_on > from && transaction.available_on < next)
        next = transaction.available_on;
    }
    for (const payout of Object.values(engine.state.payouts)) {
      if (
        (payout.status === 'pending' || payout.status === 'in_transit') &&
        payout.arrival_date > from &&
        payout.arrival_date < next
      )
        next = payout.arrival_date;
    }
    for (const record of Object.values(engine.state.accounts)) {
      for (const moment of [record.profile.deadline, record.profile.pending_until]) {
        if (moment !== undefined && moment > from && moment < next) next = moment;
      }
    }
    if (next <= from) break;
    engine.state.now = next;
    announceAvailableFunds(engine, from, next);
    settlePayouts(engine);
    for (const record of Object.values(engine.state.accounts))
      if (!record.deleted) refreshAccount(engine, record);
    if (next % day === 0) runAutomaticPayouts(engine, next);
    if (next >= target) break;
  }
  // Stripe forgets idempotency keys after 24 hours.
  for (const [key, record] of Object.entries(engine.state.idempotency)) {
    if (record.created <= engine.now() - day) delete engine.state.idempotency[key];
  }
  engine.changed();
}

/** `balance.available` for every account whose pending funds became available in (from, to]. */
function announceAvailableFunds(engine: Engine, from: number, to: number) {
  const owners = new Set<string>();
  for (const transaction of Object.values(engine.state.balanceTransactions)) {
    if (
      transaction.available_on > from &&
      transaction.available_on <= to &&
      transaction.net !== 0
    ) {
      owners.add(engine.ownerOf(transaction.id) as string);
    }
  }
  for (const owner of owners) engine.emit('balance.available', engine.balance(owner), owner);
}
