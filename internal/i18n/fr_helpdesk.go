package i18n

func frenchHelpdesk() HelpdeskWords {
	var w HelpdeskWords
	p := &w.Problem
	p.Scope = ProblemText{Title: "Il manque une permission à l’application du support",
		Fix: "Accordez le scope %s à l’application du support dans le tableau de bord Auth0 : %s."}
	p.NotAuthorized = "Autorisez l’application du support pour la Management API dans le tableau de bord Auth0 : %s."
	p.UserNotFound = ProblemText{Title: "Utilisateur introuvable", Fix: "Vérifiez l’e-mail ou l’identifiant : l’utilisateur a peut-être été supprimé."}
	p.Grant = ProblemText{Title: "L’application du support n’a pas droit à ce grant",
		Fix: "Dans le tableau de bord Auth0, Applications > Applications > l’application du support > Advanced Settings > Grant Types : activez Client Credentials (et Client Initiated Backchannel Authentication pour vérifier les appelants)."}
	p.NoPush = ProblemText{Title: "Cet utilisateur n’a aucun Push Guardian inscrit pour être vérifié",
		Fix: "Vérifiez l’appelant autrement, puis remettez-lui un ticket d’inscription."}
	p.BindingMessage = ProblemText{Title: "Auth0 refuserait ce message",
		Fix: "Utilisez jusqu’à 64 lettres, chiffres et +-_.,:# sans espace, par exemple Support-4821."}
	p.NoApplication = "Aucune application de support n’est configurée : définissez AUTH0_HELPDESK_CLIENT_ID et AUTH0_HELPDESK_CLIENT_SECRET, ou helpdesk_client_id et helpdesk_client_secret dans un profil (README, Helpdesk)."
	p.NoAppTitle = "Aucune application de support n’est configurée"
	p.NoUser = "Aucun utilisateur n’a l’e-mail %s."
	p.SeveralUsers = "%d utilisateurs ont l’e-mail %s : passez --user-id ou --connection pour en choisir un."
	p.NeedsEmail = "Donnez l’e-mail de l’utilisateur : %s EMAIL"
	p.NoSuchUser = "%s ne correspond à aucun des utilisateurs ayant l’e-mail %s."

	c := &w.Card
	c.Name, c.UserID, c.Connection, c.LastLogin, c.State = "Nom", "Identifiant", "Connexion", "Dernière connexion", "État"
	c.Blocked, c.NotBlocked = "bloqué", "non bloqué"
	c.Methods, c.NoMethods = "Méthodes d’authentification", "Aucune méthode d’authentification."
	c.Enrollments, c.NoEnrollments = "Inscriptions Guardian", "Aucune inscription Guardian."
	c.Confirmed, c.Pending, c.Never = "confirmée", "non confirmée", "jamais"
	c.RecoveryCode = "Code de récupération"
	c.Missing = "Il manque %s à l’application du support : les actions qui en ont besoin seront refusées. Accordez-le dans le tableau de bord Auth0 : %s."
	c.Created, c.LastUsed = "Créée", "Dernière utilisation"
	c.NoPush = "Aucun Push Guardian inscrit : aucune notification ne peut vérifier cet appelant. Remettez un ticket d’inscription avec %s."

	pl := &w.Plain
	pl.Finding = "Recherche de %s…"
	pl.Card = "Utilisateur %s :"
	pl.MethodLine = "%s  %s  %s  créée le %s  dernière utilisation %s  (%s)"
	pl.Verifying = "Envoi d’une notification à %s avec le message %s…"
	pl.ReadAloud = "Lisez-le à l’appelant : %s. Il doit le voir sur son téléphone avant de toucher Autoriser."
	pl.Waiting = "En attente de la réponse de l’appelant (prochaine vérification dans %s, %s restantes)"
	pl.Verified = "Vérifié : %s a approuvé la notification à %s."
	pl.Rejected = "%s a refusé la notification : ne vous fiez pas à cet appel."
	pl.Expired = "La notification n’a pas reçu de réponse à temps."
	pl.TicketFor = "Ticket d’inscription pour %s :"
	pl.TicketLink = "Lien"
	pl.TicketMailed = "Auth0 l’a aussi envoyé à %s."
	pl.TicketExpiry = "L’utilisateur l’ouvre sur son téléphone et scanne le code avec Guardian. Il expire : Auth0 n’en publie pas la durée ; comptez %s."
	pl.RecoveryFor = "Nouveau code de récupération pour %s :"
	pl.RecoveryOnce = "Affiché une seule fois : l’ancien code ne fonctionne plus. Transmettez-le à l’utilisateur par un canal sûr."
	pl.ResetChoose = "Passez --method ID pour supprimer l’une de ces méthodes, ou --all pour toutes les supprimer."
	pl.ResetConfirm = "Des facteurs vont être supprimés : tapez l’e-mail de l’utilisateur (%s) pour confirmer : "
	pl.ResetNoYes = "Supprimer des facteurs demande une confirmation : passez %s dans un script, ou lancez la commande dans un terminal pour taper l’e-mail de l’utilisateur."
	pl.ResetMismatch = "L’e-mail tapé ne correspond pas : rien n’a été supprimé."
	pl.ResetOne = "%s de %s supprimée."
	pl.ResetAll = "Toutes les méthodes d’authentification de %s ont été supprimées : il s’inscrira de nouveau à sa prochaine connexion."
	pl.NoSuchMethod = "%s n’est pas l’une des méthodes d’authentification de cet utilisateur."
	pl.Unaudited = "Attention : le journal d’audit n’a pas pu être écrit : %s"
	pl.LogEmpty = "Le journal d’audit %s ne contient encore aucune entrée."
	pl.LogSkipped = "%d lignes du journal n’ont pas pu être lues."
	pl.LogSkippedOne = "%d ligne du journal n’a pas pu être lue."
	pl.LogHeader = "HEURE\tUTILISATEUR OS\tLOCATAIRE\tUTILISATEUR\tACTION\tRÉSULTAT\tDÉTAIL"
	pl.MessageMade = "Pas de --message : %s sera utilisé."
	pl.ChooseFlags = "Relancez la commande avec --user-id ou --connection, pris dans la liste ci-dessus."
	pl.BothMethodFlags = "--method et --all ne peuvent pas être utilisés ensemble."

	u := &w.UI
	u.HomeEntry, u.HomeHint = "Support", "Trouver un utilisateur par e-mail, vérifier un appelant par une notification, réinitialiser ses facteurs, remettre un ticket d’inscription ou un code de récupération."
	u.FindTitle, u.EmailLabel = "Support : trouver un utilisateur", "E-mail"
	u.FindHint = "entrée lance la recherche · échap revient en arrière"
	u.Finding = "Recherche de l’utilisateur…"
	u.SandboxUsers = "Utilisateurs du bac à sable : %s"
	u.UsersTitle = "Plusieurs utilisateurs ont l’e-mail %s : choisissez-en un"
	u.Loading = "Lecture des facteurs de l’utilisateur…"
	u.Audited = "Chaque action est écrite dans le journal d’audit : %s"
	u.KeyFind, u.KeyVerify, u.KeyDelete, u.KeyDeleteAll = "chercher", "vérifier", "supprimer", "tout supprimer"
	u.KeyTicket, u.KeyRecovery, u.KeySend = "inscription", "code de récupération", "envoyer"
	u.KeyNewPush = "nouvelle notification"
	u.VerifyTitle = "Vérifier l’appelant : %s"
	u.MessageLabel = "Message affiché sur le téléphone, lu à voix haute à l’appelant"
	u.MessageHint = "Lettres, chiffres et +-_.,:# uniquement, sans espace ; 64 au plus."
	u.Sending = "Envoi de la notification…"
	u.ReadAloud = "Lisez-le à l’appelant : %s"
	u.Instructions = "Une notification a été envoyée au téléphone de %s. Il doit voir le même message avant de toucher Autoriser."
	u.Verified = "Vérifié : %s a approuvé la notification à %s"
	u.Rejected = "%s a refusé la notification : ne vous fiez pas à cet appel."
	u.Expired = "La notification n’a pas reçu de réponse à temps."
	u.AgainHint = "entrée envoie une nouvelle notification · échap revient à l’utilisateur"
	u.ConfirmOne = "Supprimer %s de %s ?"
	u.ConfirmAll = "Supprimer toutes les méthodes d’authentification de %s ?"
	u.ConfirmPrompt = "Tapez l’e-mail de l’utilisateur pour confirmer"
	u.ConfirmMismatch = "Ce n’est pas l’e-mail de l’utilisateur : rien n’a été supprimé."
	u.Deleting = "Suppression…"
	u.DeletedOne = "%s supprimée."
	u.DeletedAll = "Toutes les méthodes d’authentification ont été supprimées : l’utilisateur s’inscrira de nouveau à sa prochaine connexion."
	u.TicketTitle = "Ticket d’inscription pour %s"
	u.TicketSteps = "L’utilisateur ouvre ce lien sur son téléphone (ou scanne ce code avec son appareil photo) et suit la page pour s’inscrire à Guardian."
	u.TicketExpiry = "Il expire : Auth0 n’en publie pas la durée ; comptez %s."
	u.Creating = "Création du ticket…"
	u.Regenerating = "Régénération du code de récupération…"
	u.RecoveryTitle = "Nouveau code de récupération pour %s"
	u.RecoveryHint = "Affiché une seule fois : l’ancien code ne fonctionne plus. Transmettez-le à l’utilisateur par un canal sûr, puis appuyez sur entrée."
	u.Unaudited = "Le journal d’audit n’a pas pu être écrit : %s"
	u.Header, u.HeaderUser = "support", "support · %s"

	e := &w.Explain
	e.Token = "un jeton Management API pour l’application du support"
	e.Sent = "la notification part vers le téléphone de l’utilisateur"
	e.Approved = "l’appelant a approuvé la notification"
	e.Users, e.User = "les utilisateurs ayant cet e-mail", "le compte de l’utilisateur"
	e.Methods, e.Enrollments = "les méthodes d’authentification de l’utilisateur", "les inscriptions Guardian de l’utilisateur"
	e.Ticket = "un ticket d’inscription pour le téléphone de l’utilisateur"
	e.RecoveryCode = "un nouveau code de récupération, affiché une seule fois"
	e.Deleted = "supprimé"

	h := &w.Help
	h.User = "Afficher un utilisateur d’après son e-mail (l’application Management API du support)"
	h.UserShow = "Afficher la fiche d’un utilisateur : le compte, ses méthodes d’authentification et ses inscriptions Guardian"
	h.Verify = "Vérifier un appelant : envoyer une notification avec un message à lire à voix haute, et attendre l’approbation (CIBA)"
	h.Ticket = "Créer un ticket d’inscription Guardian : un lien (et un QR code) que l’utilisateur ouvre sur son téléphone"
	h.Reset = "Supprimer une méthode d’authentification (--method) ou toutes (--all) ; dans un script, --yes confirme"
	h.RecoveryCode = "Régénérer le code de récupération d’un utilisateur, affiché une seule fois"
	h.Helpdesk = "Ouvrir la console du support : trouver un utilisateur, vérifier un appelant, réinitialiser ses facteurs, remettre un ticket"
	h.Log = "Afficher le journal d’audit du support"
	h.ExUserShow = `  # Les facteurs d’un utilisateur, en JSON pour un outil de tickets
  mfapush user show bob@example.com --json`
	h.ExVerify = `  # Envoyer une notification que l’appelant lit sur son téléphone ; code de sortie 0 vérifié, 2 refusé
  mfapush verify bob@example.com --message Support-4821`
	h.ExTicket = `  # Un nouveau lien d’inscription, envoyé aussi par e-mail en français
  mfapush ticket alice@example.com --send-mail --locale fr`
	h.ExReset = `  # Supprimer tous les facteurs d’un utilisateur qui a perdu son téléphone, depuis un script
  mfapush reset bob@example.com --all --yes`
	h.ExRecoveryCode = `  # Un nouveau code de récupération (l’ancien cesse de fonctionner)
  mfapush recovery-code bob@example.com`
	h.ExLog = `  # Toutes les actions du support, en lignes JSON
  mfapush helpdesk log --json`
	h.FlagMessage = "message de liaison affiché sur le téléphone et lu à voix haute (lettres, chiffres et +-_.,:#, sans espace) ; inventé s’il est absent"
	h.FlagUserID = "l’identifiant de l’utilisateur, quand plusieurs partagent l’e-mail"
	h.FlagConnection = "la connexion, quand plusieurs utilisateurs partagent l’e-mail"
	h.FlagMethod = "identifiant de la méthode d’authentification à supprimer (mfapush user show les liste)"
	h.FlagAll = "supprimer toutes les méthodes d’authentification"
	h.FlagYes = "confirmer sans taper l’e-mail de l’utilisateur (pour les scripts)"
	h.FlagSendMail = "faire aussi envoyer le ticket par e-mail par Auth0"
	h.FlagLocale = "langue de cet e-mail, par exemple fr"
	return w
}
