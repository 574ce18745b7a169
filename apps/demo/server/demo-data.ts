// The demo marketplace's people and products. Seeding turns the sellers' `onboarding` plans into real
// connected accounts; the web app lists these users on the sign-in picker.

export type DemoRole = 'seller' | 'buyer' | 'admin';

/** How far a seller gets through onboarding when the demo seeds itself. */
export type SellerPlan =
  'not_started' | 'in_progress' | 'enabled' | 'restricted' | 'enabled_failing_bank';

export interface DemoUser {
  userId: string;
  role: DemoRole;
  displayName: string;
  email: string;
  /** One line for the sign-in picker: what this user shows off. */
  summary: string;
  plan?: SellerPlan;
}

export interface DemoProduct {
  id: string;
  sellerId: string;
  name: string;
  description: string;
  /** Unit price in minor units. */
  amount: number;
  currency: 'usd';
  /** A colour for the product tile (no image files to ship or load). */
  hue: number;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    userId: 'seller-ada',
    role: 'seller',
    displayName: 'Ada Ceramics',
    email: 'ada@example.com',
    summary: 'Seller, payouts enabled',
    plan: 'enabled',
  },
  {
    userId: 'seller-bruno',
    role: 'seller',
    displayName: 'Bruno Bikes',
    email: 'bruno@example.com',
    summary: 'Seller, payouts enabled',
    plan: 'enabled',
  },
  {
    userId: 'seller-chen',
    role: 'seller',
    displayName: 'Chen Coffee',
    email: 'chen@example.com',
    summary: 'Seller, enabled, but the bank account rejects payouts',
    plan: 'enabled_failing_bank',
  },
  {
    userId: 'seller-dara',
    role: 'seller',
    displayName: 'Dara Designs',
    email: 'dara@example.com',
    summary: 'Seller who has not started onboarding',
    plan: 'not_started',
  },
  {
    userId: 'seller-emil',
    role: 'seller',
    displayName: 'Emil Electronics',
    email: 'emil@example.com',
    summary: 'Seller who started onboarding but did not finish',
    plan: 'in_progress',
  },
  {
    userId: 'seller-farah',
    role: 'seller',
    displayName: 'Farah Fabrics',
    email: 'farah@example.com',
    summary: 'Seller whose account is restricted (verification failed)',
    plan: 'restricted',
  },
  {
    userId: 'buyer-grace',
    role: 'buyer',
    displayName: 'Grace (buyer)',
    email: 'grace@example.com',
    summary: 'Buyer: browse, cart, checkout',
  },
  {
    userId: 'admin-hana',
    role: 'admin',
    displayName: 'Hana (admin)',
    email: 'hana@example.com',
    summary: 'Platform admin: risk, refunds, sandbox clock',
  },
];

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    id: 'prod-mug',
    sellerId: 'seller-ada',
    name: 'Speckled mug',
    description: 'Hand-thrown stoneware, 350 ml.',
    amount: 2400,
    currency: 'usd',
    hue: 24,
  },
  {
    id: 'prod-bowl',
    sellerId: 'seller-ada',
    name: 'Serving bowl',
    description: 'Celadon glaze, 24 cm.',
    amount: 5800,
    currency: 'usd',
    hue: 160,
  },
  {
    id: 'prod-lights',
    sellerId: 'seller-bruno',
    name: 'Bike light set',
    description: 'USB-C rechargeable, front and rear.',
    amount: 3500,
    currency: 'usd',
    hue: 50,
  },
  {
    id: 'prod-bell',
    sellerId: 'seller-bruno',
    name: 'Brass bell',
    description: 'A clear ring that lasts.',
    amount: 1250,
    currency: 'usd',
    hue: 40,
  },
  {
    id: 'prod-beans',
    sellerId: 'seller-chen',
    name: 'Single-origin beans',
    description: '250 g, roasted this week.',
    amount: 1699,
    currency: 'usd',
    hue: 15,
  },
  {
    id: 'prod-dripper',
    sellerId: 'seller-chen',
    name: 'Ceramic dripper',
    description: 'Pour-over for one or two cups.',
    amount: 2900,
    currency: 'usd',
    hue: 200,
  },
  {
    id: 'prod-scarf',
    sellerId: 'seller-farah',
    name: 'Linen scarf',
    description: 'Woven in small batches.',
    amount: 4500,
    currency: 'usd',
    hue: 280,
  },
  {
    id: 'prod-poster',
    sellerId: 'seller-dara',
    name: 'Risograph poster',
    description: 'A3, two colours.',
    amount: 3000,
    currency: 'usd',
    hue: 330,
  },
];

export function findDemoUser(userId: unknown): DemoUser | undefined {
  return typeof userId === 'string' ? DEMO_USERS.find((user) => user.userId === userId) : undefined;
}
