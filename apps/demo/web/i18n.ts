// The demo's own words in English and French; the kit's components get the matching MarketKit catalogue
// and Stripe gets the same locale (see app.tsx), so one switch changes everything a visitor reads.
import { createContext, useContext } from 'react';

export type Language = 'en' | 'fr';

export const LOCALE_TAG: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

const en = {
  'nav.shop': 'Shop',
  'nav.cart': 'Cart',
  'nav.orders': 'Orders',
  'nav.seller': 'Seller dashboard',
  'nav.admin': 'Admin',
  'nav.main': 'Main',
  'header.darkMode': 'Dark mode',
  'header.language': 'Français',
  'header.languageLabel': 'Afficher en français',
  'header.signIn': 'Sign in',
  'header.signOut': 'Sign out',
  'header.items': '{count} items',
  'clock.label': 'Sandbox clock: {date}',
  'clock.ahead': '{days} days ahead of real time',
  'clock.aheadOne': '1 day ahead of real time',
  'clock.title':
    'Offline: Stripe runs in @marketkit/sandbox, whose clock the admin can move forward.',
  'mode.stripe': 'Stripe test mode',
  'footer.sandbox':
    'Built on MarketKit: @marketkit/react, @marketkit/server, and the offline Stripe sandbox — no real money moves.',
  'footer.stripe':
    'Built on MarketKit: @marketkit/react, @marketkit/server, against Stripe test mode.',
  'catalogue.title': 'Small makers, one checkout',
  'catalogue.lead':
    'Fill a cart from several sellers and pay once. MarketKit splits the payment: each seller gets a transfer, the platform keeps its fee.',
  'checkout.title': 'Checkout',
  'checkout.lead':
    'One card payment; each seller receives their share once the payment succeeds. Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.',
  'seller.lead': 'Your shop’s payouts, powered by Stripe Connect.',
  'seller.embedded': 'Embedded components',
  'seller.gettingPaid': 'Getting paid',
  'seller.gettingPaidLead': 'Stripe verifies who you are and where to send your money.',
  'orders.title': 'Orders',
  'order.title': 'Order #{number} · {sellers}',
  'order.sellersOne': '1 seller',
  'order.sellersMany': '{count} sellers',
  'order.placed': 'Placed {date}',
  'cart.title': 'Cart',
  'cart.emptyTitle': 'Your cart is empty',
  'cart.emptyBrowse': 'Browse the shop',
  'cart.emptyRest': ' and add something from a few sellers.',
  'cart.sellersOne': '1 seller, one payment.',
  'cart.sellersMany': '{count} sellers, one payment.',
  'cart.from': 'From {seller}',
  'cart.quantityOf': 'Quantity of {name}',
  'cart.remove': 'Remove',
  'cart.removeItem': 'Remove {name}',
  'cart.total': 'Total',
  'cart.continue': 'Continue to payment',
  'cart.cardNext': 'You enter your card on the next page.',
  'cart.signIn': 'Sign in as a buyer',
  'cart.signInRest': ' to check out.',
  'signIn.title': 'Sign in as a demo user',
  'signIn.lead': 'No passwords: pick someone. Each seller starts in a different onboarding state.',
  'signIn.current': ' You are signed in as {name}.',
  'signIn.loading': 'Loading users…',
  'signIn.buyer': 'Buyers',
  'signIn.seller': 'Sellers',
  'signIn.admin': 'Platform',
  'orders.loading': 'Loading orders…',
  'orders.none': 'No orders yet.',
  'orders.goShopping': 'Go shopping',
  'orders.order': 'Order',
  'orders.placed': 'Placed',
  'orders.sellers': 'Sellers',
  'orders.status': 'Status',
  'orders.total': 'Total',
  'orders.truncated': 'Showing the {count} most recent orders.',
  'status.awaiting_payment': 'abandoned (unpaid)',
  'status.processing': 'processing',
  'status.paid': 'paid',
  'status.payment_failed': 'payment failed',
  'status.canceled': 'canceled',
  'status.partially_refunded': 'partially refunded',
  'status.refunded': 'refunded',
  'status.disputed': 'disputed',
  'status.dispute_lost': 'dispute lost (final)',
  'admin.title': 'Platform admin',
  'admin.lead': 'Who is at risk, what the platform is exposed to, and refunds.',
  'admin.recentOrders': 'Recent orders',
  'admin.abandonedOne':
    '1 abandoned checkout: started but never paid, so nothing was charged or transferred.',
  'admin.abandonedMany':
    '{count} abandoned checkouts: started but never paid, so nothing was charged or transferred.',
  'refund.title': 'Refund an order',
  'refund.none': 'No paid orders to refund yet.',
  'refund.order': 'Order',
  'refund.amount': 'Amount (leave empty for the rest)',
  'refund.placeholder': 'e.g. 10.00',
  'refund.reason': 'Reason',
  'refund.requested_by_customer': 'Requested by customer',
  'refund.duplicate': 'Duplicate',
  'refund.fraudulent': 'Fraudulent',
  'refund.submit': 'Refund',
  'refund.pending': 'Refunding…',
  'refund.done': 'Refunded {amount} of {order}; {reversals} seller reversal(s).',
  'refund.viewOrder': 'View order',
  'sandbox.title': 'Sandbox controls',
  'sandbox.time': 'Offline only. Sandbox time: {time}',
  'sandbox.advance': 'Advance clock by a day',
  'sandbox.clockNow': 'Sandbox clock is now {time}.',
  'sandbox.openDisputes': 'Open disputes',
  'sandbox.none': 'None.',
  'sandbox.on': 'on',
  'sandbox.closeWon': 'Close {dispute} as won',
  'sandbox.closeLost': 'Close {dispute} as lost',
  'sandbox.closedWon': 'Dispute {dispute} closed as won.',
  'sandbox.closedLost': 'Dispute {dispute} closed as lost.',
} as const;

export type DemoMessageKey = keyof typeof en;

const fr: Record<DemoMessageKey, string> = {
  'nav.shop': 'Boutique',
  'nav.cart': 'Panier',
  'nav.orders': 'Commandes',
  'nav.seller': 'Espace vendeur',
  'nav.admin': 'Administration',
  'nav.main': 'Principal',
  'header.darkMode': 'Mode sombre',
  'header.language': 'English',
  'header.languageLabel': 'Show in English',
  'header.signIn': 'Se connecter',
  'header.signOut': 'Se déconnecter',
  'header.items': '{count} articles',
  'clock.label': 'Horloge du sandbox : {date}',
  'clock.ahead': '{days} jours d’avance sur l’heure réelle',
  'clock.aheadOne': '1 jour d’avance sur l’heure réelle',
  'clock.title':
    'Hors ligne : Stripe tourne dans @marketkit/sandbox, dont l’administrateur peut avancer l’horloge.',
  'mode.stripe': 'Mode test Stripe',
  'footer.sandbox':
    'Construit avec MarketKit : @marketkit/react, @marketkit/server et le sandbox Stripe hors ligne — aucun argent réel ne circule.',
  'footer.stripe':
    'Construit avec MarketKit : @marketkit/react, @marketkit/server, en mode test Stripe.',
  'catalogue.title': 'Petits créateurs, un seul paiement',
  'catalogue.lead':
    'Remplissez un panier chez plusieurs vendeurs et payez une fois. MarketKit répartit le paiement : chaque vendeur reçoit un virement, la plateforme garde sa commission.',
  'checkout.title': 'Paiement',
  'checkout.lead':
    'Un seul paiement par carte ; chaque vendeur reçoit sa part une fois le paiement accepté. Cartes de test : 4242 4242 4242 4242 est acceptée, 4000 0000 0000 0002 est refusée.',
  'seller.lead': 'Les virements de votre boutique, avec Stripe Connect.',
  'seller.embedded': 'Composants intégrés',
  'seller.gettingPaid': 'Être payé',
  'seller.gettingPaidLead': 'Stripe vérifie votre identité et où envoyer votre argent.',
  'orders.title': 'Commandes',
  'order.title': 'Commande n° {number} · {sellers}',
  'order.sellersOne': '1 vendeur',
  'order.sellersMany': '{count} vendeurs',
  'order.placed': 'Passée le {date}',
  'cart.title': 'Panier',
  'cart.emptyTitle': 'Votre panier est vide',
  'cart.emptyBrowse': 'Parcourez la boutique',
  'cart.emptyRest': ' et ajoutez des articles de plusieurs vendeurs.',
  'cart.sellersOne': '1 vendeur, un seul paiement.',
  'cart.sellersMany': '{count} vendeurs, un seul paiement.',
  'cart.from': 'Chez {seller}',
  'cart.quantityOf': 'Quantité de {name}',
  'cart.remove': 'Retirer',
  'cart.removeItem': 'Retirer {name}',
  'cart.total': 'Total',
  'cart.continue': 'Continuer vers le paiement',
  'cart.cardNext': 'Vous saisirez votre carte à la page suivante.',
  'cart.signIn': 'Connectez-vous en tant qu’acheteur',
  'cart.signInRest': ' pour payer.',
  'signIn.title': 'Se connecter avec un utilisateur de démo',
  'signIn.lead':
    'Pas de mot de passe : choisissez quelqu’un. Chaque vendeur démarre à une étape d’inscription différente.',
  'signIn.current': ' Vous êtes connecté en tant que {name}.',
  'signIn.loading': 'Chargement des utilisateurs…',
  'signIn.buyer': 'Acheteurs',
  'signIn.seller': 'Vendeurs',
  'signIn.admin': 'Plateforme',
  'orders.loading': 'Chargement des commandes…',
  'orders.none': 'Aucune commande pour l’instant.',
  'orders.goShopping': 'Faire des achats',
  'orders.order': 'Commande',
  'orders.placed': 'Passée le',
  'orders.sellers': 'Vendeurs',
  'orders.status': 'Statut',
  'orders.total': 'Total',
  'orders.truncated': 'Affichage des {count} commandes les plus récentes.',
  'status.awaiting_payment': 'abandonnée (non payée)',
  'status.processing': 'en cours',
  'status.paid': 'payée',
  'status.payment_failed': 'paiement échoué',
  'status.canceled': 'annulée',
  'status.partially_refunded': 'partiellement remboursée',
  'status.refunded': 'remboursée',
  'status.disputed': 'contestée',
  'status.dispute_lost': 'litige perdu (définitif)',
  'admin.title': 'Administration de la plateforme',
  'admin.lead': 'Qui est à risque, à quoi la plateforme est exposée, et les remboursements.',
  'admin.recentOrders': 'Commandes récentes',
  'admin.abandonedOne':
    '1 paiement abandonné : commencé mais jamais payé, donc rien n’a été débité ni viré.',
  'admin.abandonedMany':
    '{count} paiements abandonnés : commencés mais jamais payés, donc rien n’a été débité ni viré.',
  'refund.title': 'Rembourser une commande',
  'refund.none': 'Aucune commande payée à rembourser pour l’instant.',
  'refund.order': 'Commande',
  'refund.amount': 'Montant (vide pour rembourser le reste)',
  'refund.placeholder': 'ex. 10.00',
  'refund.reason': 'Motif',
  'refund.requested_by_customer': 'Demandé par le client',
  'refund.duplicate': 'Doublon',
  'refund.fraudulent': 'Frauduleux',
  'refund.submit': 'Rembourser',
  'refund.pending': 'Remboursement…',
  'refund.done': '{amount} remboursés sur {order} ; {reversals} annulation(s) de virement vendeur.',
  'refund.viewOrder': 'Voir la commande',
  'sandbox.title': 'Contrôles du sandbox',
  'sandbox.time': 'Hors ligne uniquement. Heure du sandbox : {time}',
  'sandbox.advance': 'Avancer l’horloge d’un jour',
  'sandbox.clockNow': 'L’horloge du sandbox indique désormais {time}.',
  'sandbox.openDisputes': 'Litiges ouverts',
  'sandbox.none': 'Aucun.',
  'sandbox.on': 'sur',
  'sandbox.closeWon': 'Clore {dispute} comme gagné',
  'sandbox.closeLost': 'Clore {dispute} comme perdu',
  'sandbox.closedWon': 'Litige {dispute} clos : gagné.',
  'sandbox.closedLost': 'Litige {dispute} clos : perdu.',
};

const CATALOGUES: Record<Language, Record<DemoMessageKey, string>> = { en, fr };

export interface DemoTranslator {
  language: Language;
  locale: string;
  t(key: DemoMessageKey, values?: Record<string, string | number>): string;
  dateTime(seconds: number): string;
}

export function createDemoTranslator(language: Language): DemoTranslator {
  const locale = LOCALE_TAG[language];
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    language,
    locale,
    t: (key, values) =>
      CATALOGUES[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
        values && name in values ? String(values[name]) : match,
      ),
    dateTime: (seconds) => format.format(new Date(seconds * 1000)),
  };
}

export const DemoTranslatorContext = createContext<DemoTranslator>(createDemoTranslator('en'));

export function useDemoTranslator(): DemoTranslator {
  return useContext(DemoTranslatorContext);
}

/**
 * The short number people say on the phone ("order 482 133"): six digits derived from the order id, so it
 * is the same for the buyer, the seller and the admin without a lookup. MarketKit's ids stay the reference.
 */
export function orderNumber(orderId: string): string {
  let hash = 0x811c9dc5;
  for (const character of orderId) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash % 1_000_000).padStart(6, '0');
}
