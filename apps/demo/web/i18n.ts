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
