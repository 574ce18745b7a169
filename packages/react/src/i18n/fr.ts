import type { Messages } from './messages';

/** French. Opt in with `<MarketkitProvider locale="fr-FR" messages={fr}>`; apps that do not import it do not ship it. */
export const fr: Messages = {
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.cancel': 'Annuler',
  'common.confirm': 'Confirmer',
  'common.close': 'Fermer',
  'common.dismiss': 'Masquer',
  'common.errorLoading': 'Le chargement a échoué. {message}',
  'common.networkError': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'embedded.loading': 'Chargement de Stripe…',
  'embedded.error':
    'Cette partie de la page n’a pas pu être chargée. Vérifiez votre connexion et rechargez la page.',

  'onboarding.not_started': 'Configurer les virements',
  'onboarding.in_progress': 'Continuer la configuration',
  'onboarding.restricted': 'Mettre à jour les informations',
  'onboarding.pending_verification': 'Vérification en cours…',
  'onboarding.enabled': 'Virements activés',
  'onboarding.rejected': 'Compte refusé — contactez le support',
  'onboarding.manage': 'Gérer',
  'onboarding.redirecting': 'Ouverture de Stripe…',
  'onboarding.dialogTitle': 'Configurer les virements',

  'checkout.title': 'Récapitulatif de la commande',
  'checkout.seller': 'Vendu par {name}',
  'checkout.line': '{description} × {quantity}',
  'checkout.subtotal': 'Sous-total',
  'checkout.platformFee': 'Dont commission de la place de marché',
  'checkout.total': 'Total',
  'checkout.pay': 'Payer {amount}',
  'checkout.paying': 'Paiement en cours…',
  'checkout.preparing': 'Préparation du paiement…',
  'checkout.empty': 'Votre panier est vide.',
  'checkout.confirmingOrder': 'Paiement reçu. Confirmation de la commande…',
  'checkout.succeeded': 'Paiement effectué. Commande {orderId}',
  'checkout.declined': 'Le paiement n’a pas abouti. {message}',
  'checkout.stripeUnavailable': 'Le formulaire de paiement n’a pas pu être chargé.',

  'payouts.title': 'Virements',
  'payouts.available': 'Disponible',
  'payouts.pending': 'En attente',
  'payouts.nextPayout': 'Prochain virement : {amount}, arrivée le {date}',
  'payouts.noNextPayout': 'Aucun virement prévu',
  'payouts.history': 'Historique des virements',
  'payouts.empty': 'Aucun virement pour l’instant',
  'payouts.amount': 'Montant',
  'payouts.arrival': 'Arrivée',
  'payouts.status': 'Statut',
  'payouts.status.paid': 'Payé',
  'payouts.status.pending': 'En attente',
  'payouts.status.in_transit': 'En transit',
  'payouts.status.failed': 'Échoué',
  'payouts.status.canceled': 'Annulé',
  'payouts.setup': 'Configurez les virements pour voir votre solde et être payé pour vos ventes.',
  'payouts.instant.no_eligible_card':
    'Les virements instantanés nécessitent une carte de débit compatible. Ajoutez-en une dans votre tableau de bord Express.',
  'payouts.instant.no_instant_balance':
    'Les virements instantanés seront possibles dès qu’une partie de votre solde pourra être virée instantanément.',
  'payouts.failure.bank_details':
    'Votre banque a renvoyé ce virement. Vérifiez vos coordonnées bancaires.',
  'payouts.failure.try_again': 'Votre banque n’a pas pu traiter ce virement. Réessayez plus tard.',
  'payouts.previousPage': 'Page précédente',
  'payouts.nextPage': 'Page suivante',
  'payouts.payoutNow': 'Virer maintenant',
  'payouts.instantPayout': 'Virement instantané',
  'payouts.confirmStandard': 'Virer {amount} sur votre compte bancaire ?',
  'payouts.confirmInstant':
    'Virer {amount} instantanément sur votre carte de débit ? Des frais peuvent s’appliquer.',
  'payouts.created': 'Virement de {amount} créé.',
  'payouts.dashboard': 'Ouvrir le tableau de bord Express',
  'payouts.schedule': 'Calendrier des virements',
  'payouts.schedule.manual': 'Manuel',
  'payouts.schedule.daily': 'Quotidien',
  'payouts.schedule.weekly': 'Chaque semaine le {day}',
  'payouts.schedule.monthly': 'Chaque mois le {day}',
  'payouts.interval.manual': 'Manuel',
  'payouts.interval.daily': 'Quotidien',
  'payouts.interval.weekly': 'Hebdomadaire',
  'payouts.interval.monthly': 'Mensuel',
  'payouts.schedule.edit': 'Modifier le calendrier',
  'payouts.schedule.save': 'Enregistrer le calendrier',
  'payouts.schedule.interval': 'Fréquence',
  'payouts.schedule.weeklyAnchor': 'Jour de la semaine',
  'payouts.schedule.monthlyAnchor': 'Jour du mois',

  'risk.title': 'Alertes du compte',
  'risk.requirements_past_due':
    'Des informations sont en retard. Les virements sont suspendus jusqu’à leur mise à jour{deadline}.',
  'risk.requirements_due': 'Stripe a besoin d’informations supplémentaires{deadline}.',
  'risk.account_restricted':
    'Votre compte est restreint. Mettez à jour vos informations pour reprendre les virements.',
  'risk.account_rejected': 'Votre compte a été refusé. Contactez le support.',
  'risk.negative_balance':
    'Votre solde est négatif ({amount}). La plateforme le couvre jusqu’aux prochaines ventes.',
  'risk.payout_failed':
    'Un virement n’a pas pu atteindre votre banque. Mettez à jour vos coordonnées bancaires pour être payé.',
  'risk.dispute_open': 'Un client conteste un paiement de {amount}.',
  'risk.onboarding_incomplete':
    'Terminez la configuration de votre compte pour commencer à être payé.',
  'risk.seller_debt': 'Vous devez {amount}, déduits de vos prochaines ventes.',
  'risk.seller_debt.refund':
    '{amount} de la commande remboursée {order} seront déduits de vos prochaines ventes.',
  'risk.seller_debt.dispute':
    '{amount} du litige perdu sur la commande {order} seront déduits de vos prochaines ventes.',
  'risk.deadline': ' avant le {date}',
  'risk.remediation.account_update': 'Mettre à jour les informations',
  'risk.remediation.finish_onboarding': 'Terminer la configuration',
  'risk.remediation.update_bank_account': 'Mettre à jour les coordonnées bancaires',
  'risk.remediation.respond_to_dispute': 'Répondre à la contestation',

  'platformRisk.title': 'Comptes à risque',
  'platformRisk.exposure': 'Exposition de la plateforme',
  'platformRisk.noExposure': 'Aucune exposition',
  'platformRisk.empty': 'Aucun compte à risque',
  'platformRisk.account': 'Compte',
  'platformRisk.state': 'Inscription',
  'platformRisk.severity': 'Gravité',
  'platformRisk.signals': 'Signaux',
  'platformRisk.accountExposure': 'Exposition',
  'platformRisk.severity.critical': 'Critique',
  'platformRisk.severity.warning': 'Avertissement',
  'platformRisk.severity.info': 'Info',
  'platformRisk.severity.none': 'Aucune',
  'platformRisk.state.not_started': 'Non commencée',
  'platformRisk.state.in_progress': 'En cours',
  'platformRisk.state.pending_verification': 'Vérification en cours',
  'platformRisk.state.restricted': 'Restreint',
  'platformRisk.state.enabled': 'Activé',
  'platformRisk.state.rejected': 'Refusé',
  'platformRisk.exposureDebt': 'Dont dettes des vendeurs',
  'platformRisk.debts': 'Dettes des vendeurs',
  'platformRisk.debts.seller': 'Vendeur',
  'platformRisk.debts.order': 'Commande',
  'platformRisk.debts.source': 'Motif',
  'platformRisk.debts.source.refund': 'Remboursement après virement',
  'platformRisk.debts.source.dispute': 'Litige perdu',
  'platformRisk.debts.amount': 'Montant initial',
  'platformRisk.debts.outstanding': 'Restant dû',
  'platformRisk.debts.age': 'Ancienneté',
  'platformRisk.debts.age.today': 'Aujourd’hui',
  'platformRisk.debts.age.one': '1 jour',
  'platformRisk.debts.age.other': '{count} jours',
  'error.invalid_request':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.invalid_json':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.unknown_field':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.invalid_amount': 'Ce montant n’est pas valide. Vérifiez-le et réessayez.',
  'error.not_an_integer': 'Ce montant n’est pas valide. Vérifiez-le et réessayez.',
  'error.amount_negative': 'Ce montant n’est pas valide. Vérifiez-le et réessayez.',
  'error.amount_zero': 'Saisissez un montant supérieur à zéro.',
  'error.amount_too_large': 'Ce montant est trop élevé. Saisissez un montant plus petit.',
  'error.amount_precision':
    'Ce montant ne peut pas être débité dans cette devise. Arrondissez-le et réessayez.',
  'error.invalid_money_format': 'Ce montant n’est pas valide. Vérifiez-le et réessayez.',
  'error.unsupported_currency': 'Cette devise n’est pas acceptée ici. Choisissez une autre devise.',
  'error.currency_mismatch':
    'Tout un paiement doit être dans la même devise. Retirez les articles dans une autre devise.',
  'error.empty_order': 'Votre panier est vide. Ajoutez un article avant de payer.',
  'error.too_many_lines':
    'Votre panier contient trop d’articles pour un seul paiement. Passez deux commandes.',
  'error.invalid_quantity':
    'Une des quantités n’est pas valide. Vérifiez votre panier et réessayez.',
  'error.invalid_fee_policy':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.payload_too_large':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.unauthenticated': 'Votre session a expiré. Reconnectez-vous pour continuer.',
  'error.forbidden':
    'Ceci n’est pas disponible avec votre compte. Connectez-vous avec le bon compte.',
  'error.not_found':
    'Introuvable. Cet élément a peut-être été supprimé ; revenez en arrière et réessayez.',
  'error.rate_limited': 'Trop de tentatives en peu de temps. Patientez une minute, puis réessayez.',
  'error.account_missing':
    'Vous n’avez pas encore configuré les virements. Configurez-les pour être payé.',
  'error.account_rejected':
    'Votre compte a été refusé : les virements sont impossibles. Contactez le support.',
  'error.link_state_invalid':
    'Ce lien de configuration n’est plus valide. Recommencez depuis votre tableau de bord.',
  'error.link_state_expired':
    'Ce lien de configuration a expiré. Recommencez depuis votre tableau de bord.',
  'error.unknown_seller':
    'Un vendeur de votre panier n’est plus disponible. Retirez ses articles et réessayez.',
  'error.seller_cannot_receive_transfers':
    'Un vendeur de votre panier ne peut pas être payé pour l’instant. Retirez ses articles et réessayez.',
  'error.seller_cross_border':
    'Un vendeur de votre panier ne peut pas être payé depuis cette place de marché. Retirez ses articles et réessayez.',
  'error.order_not_paid': 'Cette commande n’a pas été payée : il n’y a rien à rembourser.',
  'error.order_not_refundable':
    'Cette commande ne peut pas être remboursée : le client a déjà été remboursé par sa banque (litige perdu).',
  'error.refund_exceeds_charge':
    'C’est plus que ce qui reste à rembourser sur cette commande. Saisissez un montant plus petit.',
  'error.payouts_not_enabled':
    'Les virements ne sont pas encore activés. Terminez la configuration de votre compte pour être payé.',
  'error.payout_insufficient_funds':
    'Votre solde disponible est trop bas pour ce virement. Attendez les fonds en attente, puis réessayez.',
  'error.instant_payout_unavailable':
    'Les virements instantanés nécessitent une carte de débit compatible. Ajoutez-en une dans votre tableau de bord Express, ou virez sur votre compte bancaire.',
  'error.webhook_signature_invalid':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.webhook_timestamp_stale':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.stripe_error':
    'Notre prestataire de paiement n’a pas pu finaliser l’opération. Réessayez ; si cela continue, contactez le support.',
  'error.stripe_unavailable':
    'Notre prestataire de paiement est injoignable pour l’instant. Réessayez dans quelques minutes.',
  'error.invalid_body':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.unsupported_media_type':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'error.cross_origin_forbidden':
    'Cette action doit être faite depuis la place de marché elle-même. Rechargez la page et réessayez.',
  'error.unknown_item': 'Un article de votre panier n’est plus en vente. Retirez-le et réessayez.',
  'error.pricing_invalid':
    'Nous ne pouvons pas calculer le prix de votre panier pour l’instant. Réessayez dans quelques minutes ; si cela continue, contactez le support.',
  'error.refund_in_progress':
    'Un autre remboursement de cette commande est en cours. Patientez un instant, puis réessayez.',
  'error.payout_in_progress':
    'Un autre virement est en cours. Patientez un instant, puis réessayez.',
  'error.internal_error':
    'Une erreur est survenue de notre côté. Réessayez ; si cela continue, contactez le support.',
  'decline.declined':
    'Votre carte a été refusée. Essayez une autre carte ou contactez votre banque.',
  'decline.insufficient_funds': 'Le solde de votre carte est insuffisant. Essayez une autre carte.',
  'decline.expired':
    'Votre carte a expiré. Vérifiez la date d’expiration ou utilisez une autre carte.',
  'decline.cvc': 'Le code de sécurité est incorrect. Vérifiez les 3 ou 4 chiffres de votre carte.',
  'decline.number': 'Le numéro de carte est incorrect. Vérifiez-le et réessayez.',
  'decline.postal_code':
    'Le code postal ne correspond pas à votre carte. Vérifiez-le et réessayez.',
  'decline.not_supported':
    'Cette carte ne peut pas être utilisée pour ce paiement. Essayez une autre carte.',
  'decline.limit':
    'Cette carte a atteint son plafond. Essayez une autre carte ou contactez votre banque.',
  'decline.try_again': 'Votre banque n’a pas pu traiter le paiement. Réessayez dans un instant.',
  'decline.authentication':
    'Votre banque n’a pas pu confirmer votre identité. Réessayez, ou utilisez une autre carte.',
};
