// Typed fixtures for every response of the contract and every state the components show. Tests and
// stories both use them; `fixtures.test.ts` checks each against the core schemas so they never drift.
import type {
  AccountLinkResponse,
  AccountSessionResponse,
  AccountStatus,
  BalanceResponse,
  CheckoutItem,
  CheckoutResponse,
  LoginLinkResponse,
  OnboardingState,
  Order,
  OrdersPage,
  Payout,
  PayoutScheduleResponse,
  PayoutsPage,
  PlatformRiskOverview,
  RiskReport,
  RiskSignal,
} from '@marketkit/core';

/** 2026-01-15T00:00:00Z: a fixed clock so dates render the same everywhere. */
export const FIXTURE_NOW = 1_768_435_200;
const DAY = 86_400;

const noRequirements: AccountStatus['requirements'] = {
  currentlyDue: [],
  eventuallyDue: [],
  pastDue: [],
  pendingVerification: [],
  disabledReason: null,
  currentDeadline: null,
  errors: [],
};

const enabledAccount: AccountStatus = {
  accountId: 'acct_1SellerAda',
  state: 'enabled',
  country: 'US',
  defaultCurrency: 'usd',
  detailsSubmitted: true,
  chargesEnabled: true,
  payoutsEnabled: true,
  capabilities: { transfers: 'active', cardPayments: 'unrequested' },
  requirements: noRequirements,
  dashboard: 'express',
};

/** One account status per onboarding state. */
export const accountStatusFixtures: Record<OnboardingState, AccountStatus> = {
  not_started: {
    ...enabledAccount,
    accountId: null,
    state: 'not_started',
    country: null,
    defaultCurrency: null,
    detailsSubmitted: false,
    chargesEnabled: false,
    payoutsEnabled: false,
    capabilities: { transfers: 'inactive', cardPayments: 'unrequested' },
    dashboard: 'none',
  },
  in_progress: {
    ...enabledAccount,
    state: 'in_progress',
    detailsSubmitted: false,
    payoutsEnabled: false,
    capabilities: { transfers: 'inactive', cardPayments: 'unrequested' },
    requirements: {
      ...noRequirements,
      currentlyDue: ['individual.dob.day', 'external_account'],
      eventuallyDue: ['individual.dob.day', 'external_account'],
      disabledReason: 'requirements.past_due',
    },
  },
  pending_verification: {
    ...enabledAccount,
    state: 'pending_verification',
    payoutsEnabled: false,
    capabilities: { transfers: 'pending', cardPayments: 'unrequested' },
    requirements: {
      ...noRequirements,
      pendingVerification: ['individual.id_number'],
      disabledReason: 'requirements.pending_verification',
    },
  },
  restricted: {
    ...enabledAccount,
    state: 'restricted',
    payoutsEnabled: false,
    capabilities: { transfers: 'inactive', cardPayments: 'unrequested' },
    requirements: {
      ...noRequirements,
      currentlyDue: ['individual.verification.document'],
      pastDue: ['individual.verification.document'],
      disabledReason: 'requirements.past_due',
      currentDeadline: FIXTURE_NOW - DAY,
    },
  },
  enabled: enabledAccount,
  rejected: {
    ...enabledAccount,
    state: 'rejected',
    chargesEnabled: false,
    payoutsEnabled: false,
    capabilities: { transfers: 'inactive', cardPayments: 'unrequested' },
    requirements: { ...noRequirements, disabledReason: 'rejected.fraud' },
  },
};

export const accountLinkFixture: AccountLinkResponse = {
  url: 'https://connect.stripe.com/setup/e/acct_1SellerAda/onboarding-link',
  expiresAt: FIXTURE_NOW + 300,
};

export const accountSessionFixture: AccountSessionResponse = {
  clientSecret: 'accs_secret_fixture',
  expiresAt: FIXTURE_NOW + 1800,
};

export const loginLinkFixture: LoginLinkResponse = {
  url: 'https://connect.stripe.com/express/acct_1SellerAda/login-link',
};

// ─── Checkout ───────────────────────────────────────────────────────────────────

/** What the browser sends: item ids and quantities. `checkoutFixture` is the server's pricing of them. */
export const checkoutItemsFixture: CheckoutItem[] = [
  { itemId: 'hand-thrown-mug', quantity: 2 },
  { itemId: 'saucer', quantity: 1 },
  { itemId: 'linen-tea-towel', quantity: 1 },
];

export const checkoutFixture: CheckoutResponse = {
  orderId: 'ord_fixture_1',
  paymentIntentId: 'pi_fixture_1',
  clientSecret: 'pi_fixture_1_secret_fixture',
  breakdown: {
    currency: 'usd',
    total: 7200,
    platformFee: 720,
    sellers: [
      {
        sellerId: 'seller_ada',
        displayName: 'Ada’s Pottery',
        subtotal: 5700,
        lines: [
          { description: 'Hand-thrown mug', amount: 2400, quantity: 2, lineTotal: 4800 },
          { description: 'Saucer', amount: 900, quantity: 1, lineTotal: 900 },
        ],
      },
      {
        sellerId: 'seller_grace',
        displayName: 'Grace Textiles',
        subtotal: 1500,
        lines: [{ description: 'Linen tea towel', amount: 1500, quantity: 1, lineTotal: 1500 }],
      },
    ],
  },
};

/** Five sellers, one line each, fee hidden from the buyer. */
export const checkoutFiveSellersFixture: CheckoutResponse = {
  orderId: 'ord_fixture_5',
  paymentIntentId: 'pi_fixture_5',
  clientSecret: 'pi_fixture_5_secret_fixture',
  breakdown: {
    currency: 'eur',
    total: 15_000,
    platformFee: null,
    sellers: [1, 2, 3, 4, 5].map((index) => ({
      sellerId: `seller_${index}`,
      displayName: `Seller ${index}`,
      subtotal: 3000,
      lines: [{ description: `Item ${index}`, amount: 3000, quantity: 1, lineTotal: 3000 }],
    })),
  },
};

export const paidOrderFixture: Order = {
  id: checkoutFixture.orderId,
  status: 'paid',
  currency: 'usd',
  total: 7200,
  platformFee: 720,
  refunded: 0,
  paymentIntentId: checkoutFixture.paymentIntentId,
  createdAt: FIXTURE_NOW,
  sellers: [
    {
      sellerId: 'seller_ada',
      displayName: 'Ada’s Pottery',
      subtotal: 5700,
      fee: 570,
      transferAmount: 5130,
      transfer: { id: 'tr_fixture_ada', status: 'paid', reversed: 0 },
      lines: checkoutFixture.breakdown.sellers[0]!.lines,
    },
    {
      sellerId: 'seller_grace',
      displayName: 'Grace Textiles',
      subtotal: 1500,
      fee: 150,
      transferAmount: 1350,
      transfer: { id: null, status: 'planned', reversed: 0 },
      lines: checkoutFixture.breakdown.sellers[1]!.lines,
    },
  ],
  refunds: [],
  dispute: null,
};

export const processingOrderFixture: Order = { ...paidOrderFixture, status: 'processing' };

export const ordersPageFixture: OrdersPage = {
  data: [
    {
      id: paidOrderFixture.id,
      status: paidOrderFixture.status,
      currency: paidOrderFixture.currency,
      total: paidOrderFixture.total,
      platformFee: paidOrderFixture.platformFee,
      refunded: paidOrderFixture.refunded,
      createdAt: paidOrderFixture.createdAt,
      sellers: paidOrderFixture.sellers.map(
        ({ sellerId, displayName, subtotal, fee, transferAmount }) => ({
          sellerId,
          displayName,
          subtotal,
          fee,
          transferAmount,
        }),
      ),
    },
  ],
  hasMore: false,
  nextCursor: null,
};

// ─── Balance and payouts ────────────────────────────────────────────────────────

export const balanceFixture: BalanceResponse = {
  available: [{ amount: 125_000, currency: 'usd' }],
  pending: [{ amount: 30_050, currency: 'usd' }],
  connectReserved: [],
  instantAvailable: [{ amount: 50_000, currency: 'usd' }],
  instantPayouts: 'available',
  nextPayout: {
    id: 'po_next',
    amount: 125_000,
    currency: 'usd',
    arrivalDate: FIXTURE_NOW + 2 * DAY,
    status: 'pending',
  },
};

export const emptyBalanceFixture: BalanceResponse = {
  available: [{ amount: 0, currency: 'usd' }],
  pending: [{ amount: 0, currency: 'usd' }],
  connectReserved: [],
  instantAvailable: [],
  instantPayouts: 'no_eligible_card',
  nextPayout: null,
};

export const multiCurrencyBalanceFixture: BalanceResponse = {
  ...balanceFixture,
  available: [
    { amount: 125_000, currency: 'usd' },
    { amount: 8_000, currency: 'eur' },
  ],
  pending: [
    { amount: 30_050, currency: 'usd' },
    { amount: 0, currency: 'eur' },
  ],
};

function payout(index: number, overrides: Partial<Payout> = {}): Payout {
  return {
    id: `po_${String(index).padStart(3, '0')}`,
    amount: 10_000 + index * 100,
    currency: 'usd',
    status: 'paid',
    method: 'standard',
    automatic: true,
    arrivalDate: FIXTURE_NOW - index * DAY,
    createdAt: FIXTURE_NOW - index * DAY - 2 * DAY,
    failureCode: null,
    failureMessage: null,
    ...overrides,
  };
}

/** One payout in each status, the failed one with Stripe's reason. */
export const payoutsFixture: Payout[] = [
  payout(1, { status: 'pending', arrivalDate: FIXTURE_NOW + DAY }),
  payout(2, { status: 'in_transit', method: 'instant' }),
  payout(3, {
    status: 'failed',
    failureCode: 'account_closed',
    failureMessage: 'The bank account has been closed.',
  }),
  payout(4, { status: 'canceled' }),
  payout(5),
];

export const payoutsPageFixture: PayoutsPage = {
  data: payoutsFixture,
  hasMore: false,
  nextCursor: null,
};
export const emptyPayoutsPageFixture: PayoutsPage = { data: [], hasMore: false, nextCursor: null };

/** 25 payouts, for pagination. */
export const manyPayoutsFixture: Payout[] = Array.from({ length: 25 }, (_, index) =>
  payout(index + 1),
);

export const payoutScheduleFixture: PayoutScheduleResponse = {
  schedule: { interval: 'weekly', weeklyAnchor: 'friday', delayDays: 2 },
  editable: true,
};

export const lockedPayoutScheduleFixture: PayoutScheduleResponse = {
  schedule: { interval: 'daily', delayDays: 2 },
  editable: false,
};

// ─── Risk ──────────────────────────────────────────────────────────────────────

/** One signal of each kind. */
export const riskSignalFixtures = {
  requirementsPastDue: {
    id: 'sig_past_due',
    kind: 'requirements_past_due',
    severity: 'critical',
    remediation: 'account_update',
    deadline: FIXTURE_NOW - DAY,
    requirements: ['individual.verification.document'],
  },
  requirementsDue: {
    id: 'sig_due',
    kind: 'requirements_due',
    severity: 'warning',
    remediation: 'account_update',
    deadline: FIXTURE_NOW + 7 * DAY,
    requirements: ['company.tax_id'],
  },
  accountRestricted: {
    id: 'sig_restricted',
    kind: 'account_restricted',
    severity: 'critical',
    remediation: 'account_update',
    reason: 'requirements.past_due',
  },
  accountRejected: {
    id: 'sig_rejected',
    kind: 'account_rejected',
    severity: 'critical',
    remediation: 'none',
    reason: 'rejected.fraud',
  },
  negativeBalance: {
    id: 'sig_negative',
    kind: 'negative_balance',
    severity: 'warning',
    remediation: 'none',
    amount: { amount: -4_250, currency: 'usd' },
  },
  payoutFailed: {
    id: 'sig_payout_failed',
    kind: 'payout_failed',
    severity: 'critical',
    remediation: 'update_bank_account',
    reason: 'The bank account has been closed.',
    objectId: 'po_003',
  },
  disputeOpen: {
    id: 'sig_dispute',
    kind: 'dispute_open',
    severity: 'warning',
    remediation: 'respond_to_dispute',
    amount: { amount: 7_200, currency: 'usd' },
    objectId: 'dp_fixture_1',
  },
  informational: {
    id: 'sig_info',
    kind: 'requirements_due',
    severity: 'info',
    remediation: 'account_update',
    requirements: ['business_profile.url'],
  },
  /** A refund after the seller was paid out, which Stripe would not reverse from their balance. */
  sellerDebtRefund: {
    id: 'seller_debt:debt_refund_1',
    kind: 'seller_debt',
    severity: 'warning',
    remediation: 'none',
    amount: { amount: 1_425, currency: 'usd' },
    objectId: 'ord_fixture_1',
    reason: 'refund',
  },
  sellerDebtDispute: {
    id: 'seller_debt:debt_dispute_1',
    kind: 'seller_debt',
    severity: 'warning',
    remediation: 'none',
    amount: { amount: 3_000, currency: 'usd' },
    objectId: 'ord_fixture_5',
    reason: 'dispute',
  },
} satisfies Record<string, RiskSignal>;

export function riskReportFixture(signals: RiskSignal[]): RiskReport {
  const order = { critical: 0, warning: 1, info: 2 } as const;
  const highest =
    [...signals].sort((a, b) => order[a.severity] - order[b.severity])[0]?.severity ?? null;
  return {
    accountId: 'acct_1SellerAda',
    highestSeverity: highest,
    signals,
    generatedAt: FIXTURE_NOW,
  };
}

export const emptyRiskReportFixture: RiskReport = riskReportFixture([]);

export const platformRiskFixture: PlatformRiskOverview = {
  accounts: [
    {
      accountId: 'acct_1SellerAda',
      userId: 'seller_ada',
      displayName: 'Ada’s Pottery',
      state: 'restricted',
      highestSeverity: 'critical',
      signals: [riskSignalFixtures.requirementsPastDue, riskSignalFixtures.payoutFailed],
      exposure: [],
    },
    {
      accountId: 'acct_1SellerGrace',
      userId: 'seller_grace',
      displayName: 'Grace Textiles',
      state: 'enabled',
      highestSeverity: 'warning',
      signals: [riskSignalFixtures.negativeBalance, riskSignalFixtures.disputeOpen],
      exposure: [{ amount: 4_250, currency: 'usd' }],
    },
    {
      accountId: 'acct_1SellerLin',
      userId: 'seller_lin',
      displayName: 'Lin Prints',
      state: 'enabled',
      highestSeverity: 'warning',
      signals: [
        {
          ...riskSignalFixtures.negativeBalance,
          id: 'sig_negative_lin',
          amount: { amount: -90_000, currency: 'eur' },
        },
      ],
      exposure: [{ amount: 90_000, currency: 'eur' }],
    },
  ],
  exposure: [
    { amount: 4_250, currency: 'usd' },
    { amount: 90_000, currency: 'eur' },
  ],
  platformBalance: { available: [{ amount: 1_000_000, currency: 'usd' }], pending: [] },
  transfersOwed: [{ amount: 1_350, currency: 'usd' }],
  generatedAt: FIXTURE_NOW,
};

/** Two sellers owe the platform what Stripe would not reverse after a refund and a lost dispute. */
export const platformRiskWithDebtsFixture: PlatformRiskOverview = {
  ...platformRiskFixture,
  accounts: [
    ...platformRiskFixture.accounts.map((account) =>
      account.userId === 'seller_grace'
        ? {
            ...account,
            signals: [
              ...account.signals,
              riskSignalFixtures.sellerDebtRefund,
              riskSignalFixtures.sellerDebtDispute,
            ],
            exposure: [{ amount: 4_250 + 1_425 + 3_000, currency: 'usd' }],
          }
        : account,
    ),
    {
      accountId: 'acct_1SellerMo',
      userId: 'seller_mo',
      displayName: 'Mo’s Frames',
      state: 'enabled',
      highestSeverity: 'warning',
      signals: [
        {
          ...riskSignalFixtures.sellerDebtRefund,
          id: 'seller_debt:debt_refund_mo',
          amount: { amount: 12_000, currency: 'eur' },
          objectId: 'ord_fixture_9',
        },
      ],
      exposure: [{ amount: 12_000, currency: 'eur' }],
    },
  ],
  exposure: [
    { amount: 4_250 + 1_425 + 3_000, currency: 'usd' },
    { amount: 90_000 + 12_000, currency: 'eur' },
  ],
  debts: [
    {
      id: 'debt_dispute_1',
      sellerId: 'seller_grace',
      source: 'dispute',
      orderId: 'ord_fixture_5',
      amount: { amount: 5_000, currency: 'usd' },
      outstanding: { amount: 3_000, currency: 'usd' },
      createdAt: FIXTURE_NOW - 12 * DAY,
      ageDays: 12,
    },
    {
      id: 'debt_refund_mo',
      sellerId: 'seller_mo',
      source: 'refund',
      orderId: 'ord_fixture_9',
      amount: { amount: 12_000, currency: 'eur' },
      outstanding: { amount: 12_000, currency: 'eur' },
      createdAt: FIXTURE_NOW - DAY,
      ageDays: 1,
    },
    {
      id: 'debt_refund_1',
      sellerId: 'seller_grace',
      source: 'refund',
      orderId: 'ord_fixture_1',
      amount: { amount: 1_425, currency: 'usd' },
      outstanding: { amount: 1_425, currency: 'usd' },
      createdAt: FIXTURE_NOW,
      ageDays: 0,
    },
  ],
};

export const emptyPlatformRiskFixture: PlatformRiskOverview = {
  accounts: [],
  exposure: [],
  platformBalance: { available: [], pending: [] },
  transfersOwed: [],
  generatedAt: FIXTURE_NOW,
};
