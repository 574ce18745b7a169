'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SplitCheckout } from '@marketkit/react';
import { useStripeReady } from '../providers';

export function Checkout({
  items,
  currency,
}: {
  items: Array<{ itemId: string; quantity: number }>;
  currency: string;
}) {
  const router = useRouter();
  const stripeReady = useStripeReady();
  // Fixed for this visit: SplitCheckout opens a new order whenever its items change.
  const [fixedItems] = useState(items);
  if (!stripeReady) return <p role="status">Loading the payment form…</p>;
  return (
    <SplitCheckout
      items={fixedItems}
      currency={currency}
      onSuccess={({ orderId }) => router.push(`/orders/${encodeURIComponent(orderId)}`)}
    />
  );
}
