// The example shop's people and products. Prices live here, on the server: the browser only sends
// product ids and quantities, and MarketKit prices the checkout from this list.

export type ExampleRole = 'buyer' | 'seller';

export interface ExampleUser {
  userId: string;
  role: ExampleRole;
  displayName: string;
  email: string;
}

export interface ExampleProduct {
  id: string;
  sellerId: string;
  name: string;
  /** Unit price in minor units. */
  amount: number;
  currency: 'usd';
}

export const USERS: readonly ExampleUser[] = [
  { userId: 'buyer-grace', role: 'buyer', displayName: 'Grace', email: 'grace@example.com' },
  { userId: 'seller-ada', role: 'seller', displayName: 'Ada Ceramics', email: 'ada@example.com' },
  {
    userId: 'seller-bruno',
    role: 'seller',
    displayName: 'Bruno Bikes',
    email: 'bruno@example.com',
  },
];

export const PRODUCTS: readonly ExampleProduct[] = [
  { id: 'mug', sellerId: 'seller-ada', name: 'Speckled mug', amount: 2400, currency: 'usd' },
  { id: 'bowl', sellerId: 'seller-ada', name: 'Serving bowl', amount: 5800, currency: 'usd' },
  { id: 'lights', sellerId: 'seller-bruno', name: 'Bike light set', amount: 3500, currency: 'usd' },
  { id: 'bell', sellerId: 'seller-bruno', name: 'Brass bell', amount: 1250, currency: 'usd' },
];

export function findUser(userId: unknown): ExampleUser | undefined {
  return USERS.find((user) => user.userId === userId);
}

export function sellerName(sellerId: string): string {
  return findUser(sellerId)?.displayName ?? sellerId;
}
