package i18n

// The French follows the words of Auth0's own French documentation:
// inscrire (enroll), défi-réponse (challenge), authentifiant, jeton MFA,
// code de récupération, notification poussée, scanner un code QR, locataire
// (tenant). Typography for a terminal: a space before : ; ! ?, « » for quotes.
func frenchCatalog() Catalog {
	var c Catalog
	c.Lang = French

	c.App.Name = "mfapush"
	c.App.SandboxTenant = "locataire bac à sable"
	c.App.Tenant = "locataire"
	c.App.NotSignedIn = "non connecté"
	c.App.TooSmall = "Cette fenêtre est trop petite : agrandissez-la à au moins %d×%d."
	c.App.TooSmallShort = "Il faut %d×%d"
	c.App.TooSmallSize = "%d×%d"
	c.App.TooSmallKeys = "D’ici là, seule la touche q agit : elle quitte."
	c.App.TooSmallSave = "Un code de récupération attend d’être enregistré : seul ctrl+c quitte."
	c.App.ExitEnrolled = "%s (%s) inscrit pour %s"
	c.App.ExitSignedIn = "%s connecté avec la MFA (portée : %s)"
	c.App.ExitDeleted = "%s supprimé"
	c.App.SandboxPace = "Le bac à sable est interrogé à %s d’intervalle pour que la démo aille vite ; un vrai locataire exige 5 s entre deux interrogations."

	k := &c.Keys
	k.Quit, k.Back, k.Help, k.MoreHelp = "quitter", "retour", "aide", "plus de touches"
	k.EnterKey, k.EscKey = "entrée", "échap"
	k.Select, k.Up, k.Down, k.Next, k.Submit = "choisir", "haut", "bas", "champ suivant", "valider"
	k.Copy, k.Save, k.Confirm, k.NewCode = "copier le lien", "enregistrer", "c’est noté", "nouveau code"
	k.Scan, k.Approve, k.Reject, k.TogglePhone = "téléphone : scanner", "téléphone : approuver", "téléphone : refuser", "panneau du téléphone"
	k.OTP, k.Recovery, k.Delete, k.Filter, k.Refresh = "saisir un code", "code de récupération", "supprimer", "filtrer", "actualiser"
	k.Reveal, k.Retry, k.Home, k.PasteToken = "afficher les jetons", "réessayer", "recommencer", "coller un mfa_token"
	k.TypePassword, k.Verify, k.Trace = "utiliser un mot de passe", "vérifier", "trace des requêtes"
	k.CopyCurl, k.Details = "copier en curl", "détails"
	k.EnrollNow = "inscrire en Push"
	k.ApplyFilter, k.Cancel = "appliquer le filtre", "annuler"
	k.LessHelp, k.Ends = "moins de touches", "premier/dernier"
	k.Sideways, k.RevealSecrets, k.HideSecrets = "défiler de côté", "afficher les secrets", "masquer les secrets"

	h := &c.Home
	h.Title = "Que voulez-vous faire ?"
	h.Enroll = "Inscrire un authentifiant Push Guardian"
	h.EnrollHint = "Connecter un utilisateur, afficher le code QR d’inscription, attendre la confirmation du téléphone."
	h.Challenge = "Se connecter avec une notification poussée"
	h.ChallengeHint = "Lancer un défi-réponse à un authentifiant inscrit et attendre l’approbation sur le téléphone."
	h.Authenticators = "Gérer les authentifiants"
	h.ManageHint = "Lister les authentifiants d’un utilisateur, lancer un défi-réponse ou en supprimer un."
	h.DemoUsers = "Utilisateurs de démonstration du bac à sable"
	h.DemoNotEnrolled = "pas encore d’authentifiant : à inscrire en Push"
	h.DemoEnrolled = "inscrit : %s"
	h.DemoKinds = KindNames{Push: "Push", OTP: "OTP", RecoveryCode: "code de récupération", SMS: "SMS", Voice: "appel vocal",
		Email: "courriel", WebAuthn: "clé de sécurité", Unknown: "autre"}
	h.RealTenant = "Locataire Auth0 : %s."
	h.NeedsMFAApp = "Demande l’application MFA, qui n’est pas configurée : définissez AUTH0_CLIENT_ID, ou client_id dans un profil (README, Use it with your Auth0 tenant)."

	si := &c.SignIn
	si.Title = "Se connecter · %s"
	si.ForEnroll = "inscrire un authentifiant Push Guardian"
	si.ForChallenge = "se connecter avec une notification poussée"
	si.ForManage = "gérer les authentifiants"
	si.ForVerify = "obtenir l’accès à l’API MFA"
	si.Email = "Courriel"
	si.Password = "Mot de passe"
	si.Realm = "Connexion"
	si.RealmHint = "facultatif : base d’utilisateurs (realm)"
	si.MFAToken = "mfa_token"
	si.MFATokenHint = "collez le mfa_token d’une réponse mfa_required"
	si.PasteTitle = "Utiliser un mfa_token que vous avez déjà"
	si.MissingEmail = "Saisissez le courriel de l’utilisateur."
	si.MissingPass = "Saisissez le mot de passe."
	si.MissingToken = "Collez un mfa_token."
	si.Working = "Connexion…"
	si.PasswordAgain = "Saisissez de nouveau le mot de passe de %s pour obtenir un jeton de l’API MFA."

	w := &c.Working
	w.Associating = "Demande d’un ticket d’inscription à Auth0…"
	w.Listing = "Récupération des authentifiants…"
	w.Challenging = "Envoi de la notification poussée…"
	w.Verifying = "Vérification du code…"
	w.Deleting = "Suppression…"
	w.SigningInAgain = "Nouvelle connexion pour obtenir un jeton de l’API MFA…"

	p := &c.Problem
	p.ServerSaid = "Auth0 a répondu %s (HTTP %d)."
	p.NoAnswer = "Pas de réponse : %s."
	p.Quoted = "« %s »"
	p.EmptyBody = "une réponse vide"
	p.HTMLPage = "une page HTML, pas du JSON (un proxy, ou le mauvais domaine ?)"
	p.NotJSON = "une réponse qui n’est pas du JSON"
	p.TooLarge = "une réponse de plus de 1 Mio"
	p.TimedOut = "délai dépassé après %s"
	p.WhatToDo = "Que faire"
	p.Unknown = ProblemText{"Une erreur s’est produite", "Réessayez. Si cela se reproduit, ouvrez la trace des requêtes (t) pour voir l’échange."}
	p.WrongCredentials = ProblemText{"Courriel ou mot de passe incorrect", "Vérifiez le courriel et le mot de passe. S’ils sont justes, l’utilisateur est peut-être dans une autre connexion de base de données que celle par défaut du locataire : nommez-la avec --realm."}
	p.SandboxUsers = "Sur le bac à sable, les utilisateurs de démonstration sont alice@example.com (alice-password) et bob@example.com (bob-password)."
	p.GrantNotAllowed = ProblemText{"Cette application ne peut pas utiliser l’autorisation MFA",
		"Dans Auth0 Dashboard, ouvrez Applications > votre application > Paramètres avancés > Types d’autorisation, cochez MFA (et Password), puis enregistrez."}
	p.BadClient = ProblemText{"L’identifiant ou le secret client est incorrect",
		"Copiez de nouveau le Client ID et le Client Secret depuis Applications > votre application > Paramètres (AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET)."}
	p.MFANotRequired = ProblemText{"La MFA n’est pas exigée pour cet utilisateur",
		"Auth0 a connecté l’utilisateur sans demander de MFA : il n’y a donc pas de mfa_token. Exigez la MFA (Sécurité > Authentification multifacteur > Exiger la MFA : Toujours), ou utilisez une Action qui l’exige."}
	p.Unreachable = ProblemText{"Le locataire est injoignable",
		"Vérifiez le réseau et le domaine (AUTH0_DOMAIN). Derrière un proxy, définissez HTTPS_PROXY."}
	p.TLS = ProblemText{"Le certificat du locataire n’est pas reconnu",
		"Derrière un proxy d’entreprise qui inspecte le TLS, faites pointer SSL_CERT_FILE vers le certificat de son autorité. Pour le bac à sable lancé avec --tls, reprenez la ligne SSL_CERT_FILE qu’il a affichée."}
	p.RateLimited = ProblemText{"Auth0 limite le débit de ces requêtes", "Attendez une minute, puis réessayez."}
	p.Server = ProblemText{"Le locataire a répondu par une page d’erreur", "Auth0 ou un proxy sur le trajet a échoué. Patientez un moment, puis réessayez."}
	p.AlreadyEnrolled = ProblemText{"L’utilisateur est déjà inscrit",
		"Un mfa_token ne permet d’inscrire que le premier facteur d’un utilisateur. Vérifiez avec le facteur existant pour obtenir un jeton de l’API MFA, puis inscrivez."}
	p.TokenExpired = ProblemText{"Le mfa_token a expiré", "Il ne dure que quelques minutes (Auth0 ne publie pas sa durée : ses pages disent 5 ou 10). Connectez-vous de nouveau."}
	p.TokenInvalid = ProblemText{"Auth0 n’a pas accepté le mfa_token",
		"Collez le mfa_token entier d’une réponse mfa_required récente de cette même application, ou connectez-vous avec un mot de passe."}
	p.InvalidCode = ProblemText{"Ce code n’est pas le bon", "Vérifiez le code et saisissez-le de nouveau. Les codes OTP changent toutes les 30 secondes."}
	p.TooManyAttempts = ProblemText{"Trop de codes erronés", "Auth0 bloque les nouvelles tentatives pendant un moment. Patientez, puis réessayez."}
	p.InsufficientScope = ProblemText{"Le jeton ne permet pas cette action",
		"Connectez-vous de nouveau avec l’audience de l’API MFA et les scopes enroll, read:authenticators et remove:authenticators."}
	p.NotEnrolled = ProblemText{"Aucun défi-réponse possible", "L’utilisateur n’a aucun authentifiant actif de ce type. Inscrivez-en un d’abord."}
	p.FactorUnsupported = ProblemText{"Le locataire ne propose pas ce facteur",
		"Activez-le sous Sécurité > Authentification multifacteur dans Auth0 Dashboard."}
	p.NoPassword = ProblemText{"Un mot de passe est nécessaire",
		"Un jeton de l’API MFA exige une connexion avec mot de passe. Connectez-vous avec le courriel et le mot de passe de l’utilisateur."}
	p.AccountBlocked = ProblemText{"Ce compte est bloqué",
		"Auth0 bloque les connexions à ce compte depuis cet ordinateur après trop de mots de passe erronés d’affilée (10 par défaut), même avec le bon mot de passe. L’utilisateur peut lever le blocage avec le lien du courriel envoyé par Auth0, ou en réinitialisant son mot de passe ; un administrateur peut le débloquer dans Auth0 Dashboard (Gestion des utilisateurs > Utilisateurs)."}
	p.AccountBlockedOnSandbox = "Comme Auth0, le bac à sable bloque les connexions à ce compte après 10 mots de passe erronés d’affilée, mais n’envoie aucun courriel : redémarrez le bac à sable (quittez mfapush et relancez-le), ou attendez 15 minutes."
	p.AccessExpired = ProblemText{"Le jeton d’accès à l’API MFA a expiré",
		"Il est valable 10 minutes. Réessayez : vérifiez avec un facteur pour en obtenir un nouveau, et la requête est renvoyée."}
	p.AccessRefused = ProblemText{"Auth0 n’a pas accepté le jeton d’accès à l’API MFA",
		"Il a été émis pour un autre locataire ou une autre audience, ou n’est plus valable. Réessayez : vérifiez avec un facteur pour en obtenir un nouveau, et la requête est renvoyée."}
	p.NoMFAApp = ProblemText{"Aucune application MFA n’est configurée",
		"Seule celle du support l’est. Connecter un utilisateur, l’inscrire et le défier demandent l’application avec laquelle les utilisateurs se connectent : définissez AUTH0_CLIENT_ID (et AUTH0_CLIENT_SECRET pour une application confidentielle), ou client_id dans un profil (README, Use it with your Auth0 tenant). Le support fonctionne sans elle."}

	e := &c.Enroll
	e.Title = "Inscription Push Guardian · %s"
	e.Step1 = "1. Ouvrez Auth0 Guardian sur le téléphone."
	e.Step2 = "2. Touchez + et scannez ce code."
	e.Step3 = "3. Laissez cette fenêtre ouverte : elle passe à la suite d’elle-même une fois le téléphone inscrit."
	e.ValidFor = "Code valable encore %s."
	e.Expired = "Le code a expiré : il doit être scanné dans les 5 minutes."
	e.NewCodeHint = "Appuyez sur n pour un nouveau code."
	e.Waiting = "En attente du téléphone"
	e.NextCheck = "prochain contrôle : %s"
	e.Checking = "contrôle…"
	e.Retrying = "le locataire n’a pas répondu (%d fois de suite) : nouvel essai"
	e.ClockFast = "Auth0 a demandé deux fois de ralentir : l’horloge de cette machine avance peut-être."
	e.Sent = "Envoyé au presse-papiers par le terminal (OSC 52) ; s’il n’est pas arrivé, sélectionnez le texte ci-dessous."
	e.LinkLabel = "Lien"
	e.TooSmallQR = "Le code QR demande une fenêtre d’au moins %d×%d. Agrandissez-la, ou appuyez sur c pour copier le lien."
	e.RecoveryTitle = "Code de récupération"
	e.RecoveryHint = "Un code de récupération accompagne cette inscription : il s’affichera une fois le téléphone inscrit, pour que vous l’enregistriez."
	e.RecoveryLater = "Un code de récupération n’accompagne que le premier facteur."
	e.RateLimited = "Auth0 limite le débit des vérifications, et l’attente dépasserait la validité du code."
	e.Failed = "L’inscription n’a pas pu être confirmée."
	e.PhoneScanned = "%s a scanné le code."
	e.TooShortQR = "Le code QR demande une fenêtre d’au moins %d lignes de haut. Agrandissez-la, ou appuyez sur c pour copier le lien."
	e.TooNarrowQR = "Le code QR demande une fenêtre d’au moins %d colonnes de large. Agrandissez-la, ou appuyez sur c pour copier le lien."
	e.TooLongQR = "Le lien d’inscription fait %d octets, plus que ce que contient un code QR (%d) : il ne peut pas être scanné. Appuyez sur c pour le copier."
	e.NoQR = "Le code QR n’a pas pu être dessiné. Appuyez sur c pour copier le lien."
	e.ShortWaiting = "encore %s · en attente du téléphone"
	e.ShortSent = "encore %s · lien envoyé par OSC 52"
	e.SentNoRoom = "Lien envoyé par le terminal (OSC 52) ; s’il n’est pas arrivé, agrandissez la fenêtre pour le voir."

	en := &c.Enrolled
	en.Title = "Inscrit"
	en.FileHeader = "Code de récupération Auth0 MFA de %s"
	en.Summary = "%s (appareil : %s) est actif pour %s."
	en.DeviceUnknown = "sans nom"
	en.SummaryUnnamed = "%s est actif pour %s."
	en.RecoveryTitle = "Code de récupération : l’accès de secours si le téléphone est perdu"
	en.RecoveryHint = "Notez-le ou enregistrez-le dans un fichier, puis confirmez. Il ne sera plus affiché."
	en.PresentHint = "Confirmez une fois qu’il est enregistré : il ne sera plus affiché."
	en.Saved = "Enregistré, lisible par vous seul, dans :"
	en.SaveFailed = "Échec de l’enregistrement : %s"
	en.AckNeeded = "Enregistrez ou notez le code de récupération, puis appuyez sur entrée pour confirmer."
	en.Continue = "Appuyez sur entrée pour recommencer, q pour quitter."
	en.Hidden = "Masqué maintenant que vous l’avez enregistré : il ne sera plus affiché."

	a := &c.AlreadyEnrolled
	a.Title = "Cet utilisateur a déjà un authentifiant"
	a.Explain = "Auth0 n’accepte un mfa_token que pour inscrire le premier facteur d’un utilisateur (« User is already enrolled », utilisateur déjà inscrit)."
	a.Path = "La voie documentée : vérifier avec un facteur existant pour l’audience de l’API MFA et le scope enroll, puis inscrire avec le jeton d’accès ainsi obtenu."
	a.Action = "Appuyez sur entrée pour vérifier avec un facteur existant."

	l := &c.List
	l.TitleChallenge = "Choisissez l’authentifiant du défi-réponse"
	l.TitleManage = "Authentifiants"
	l.TitleVerify = "Vérifier avec un facteur existant · %s"
	l.ForEnroll = "pour en inscrire un nouveau"
	l.ForDelete = "pour supprimer %s"
	l.Empty = "Cet utilisateur n’a aucun authentifiant."
	l.EmptyHint = "Appuyez sur e pour inscrire cet utilisateur à Push Guardian maintenant."
	l.Active = "actif"
	l.Pending = "en attente : jamais confirmé"
	l.PendingHint = "Cet authentifiant n’a jamais été confirmé : aucun défi-réponse n’est possible."
	l.Unsupported = "mfapush lance des défis-réponses Push, OTP et code de récupération ; %s n’est pas pris en charge ici."
	l.Kinds = KindNames{Push: "Push Guardian", OTP: "Mot de passe à usage unique", RecoveryCode: "Code de récupération", SMS: "Texto (SMS)",
		Voice: "Appel vocal", Email: "Courriel", WebAuthn: "Clé de sécurité", Unknown: "Autre"}
	l.ItemName = "authentifiant"
	l.ItemsName = "authentifiants"
	l.ConfirmDelete = "Supprimer %s ?"
	l.ConfirmHint = "Appuyez sur y pour supprimer, n ou échap pour le garder."
	l.TwinNote = "Son authentifiant jumelé (Push et OTP vont ensemble) est supprimé aussi."
	l.Deleted = "%s supprimé."
	l.CannotDelete = "Seul un administrateur peut retirer un code de récupération (Management API)."
	l.NoVerifier = "Aucun Push, OTP ou code de récupération actif pour vérifier."
	l.Refreshed = "Liste actualisée."
	l.FilterPrompt = "Filtre : "
	l.Matched = "%d sur %d correspondent à « %s »"
	l.MatchedOne = "%d sur %d correspond à « %s »"
	l.NoMatch = "Aucune correspondance."

	ch := &c.Challenge
	ch.Title = "Approuvez la connexion · %s"
	ch.TitleVerify = "Confirmez votre identité · %s"
	ch.TitleCode = "Connexion avec un code : %s"
	ch.CodeOnlyHint = "entrée pour vérifier · échap pour revenir"
	ch.Instructions = "Une notification poussée a été envoyée. Ouvrez-la sur le téléphone et touchez Autoriser."
	ch.Waiting = "En attente de l’approbation"
	ch.Elapsed = "%s écoulé"
	ch.Left = "%s restant"
	ch.NextCheck = "prochain contrôle : %s"
	ch.Checking = "contrôle…"
	ch.Fallbacks = "Pas de notification ? Appuyez sur o pour saisir le code à 6 chiffres de l’appli Guardian, sur r pour un code de récupération."
	ch.OTPPrompt = "Code à 6 chiffres de l’appli Guardian"
	ch.RecoveryPrompt = "Code de récupération"
	ch.CodeHint = "entrée pour vérifier · échap pour revenir à la notification"
	ch.BadOTP = "Saisissez les 6 chiffres affichés dans l’appli Guardian."
	ch.Approved = "Approuvé"
	ch.Rejected = "Refusé sur l’appareil"
	ch.RejectedHint = "La personne qui tient le téléphone a refusé la demande. Appuyez sur entrée pour envoyer une nouvelle notification."
	ch.Expired = "La demande a expiré"
	ch.ExpiredHint = "Le mfa_token ou la notification a expiré avant toute réponse. Appuyez sur entrée pour recommencer."
	ch.TimedOut = "Pas de réponse à temps"
	ch.RateLimited = "Auth0 limite le débit des vérifications, et l’attente dépasserait la validité de la demande."
	ch.Failed = "L’approbation n’a pas pu être vérifiée"
	ch.TryAgain = "Appuyez sur entrée pour réessayer."
	ch.ClockFast = "Auth0 a demandé deux fois de ralentir : l’horloge de cette machine avance peut-être."
	ch.Retrying = "le locataire n’a pas répondu (%d fois de suite) : nouvel essai"
	ch.Cancelled = "Annulé."

	nr := &c.NewRecovery
	nr.Title = "Votre nouveau code de récupération"
	nr.Hint = "Le code utilisé ne fonctionne plus. Enregistrez celui-ci, puis confirmez."

	r := &c.Result
	r.Title = "Connecté avec la MFA"
	r.TokenType = "Type de jeton"
	r.Scope = "Portée"
	r.Audience = "Audience"
	r.ExpiresIn = "Expiration"
	r.ExpiresAt = "dans %s (à %s)"
	r.ExpiresTomorrow = "dans %s (demain à %s)"
	r.ExpiresOn = "dans %s (le %s à %s)"
	r.Expired = "expiré"
	r.AccessToken = "Jeton d’accès"
	r.IDToken = "Jeton d’ID"
	r.RefreshToken = "Jeton d’actualisation"
	r.Hidden = "masqué : v pour l’afficher"
	r.IDTokenDecoded = "Jeton d’ID, décodé (non vérifié)"
	r.AccessTokenDecoded = "Jeton d’accès, décodé (non vérifié)"
	r.Header = "en-tête"
	r.Opaque = "opaque (pas un JWT)"
	r.Done = "Appuyez sur entrée pour recommencer, q pour quitter."
	r.ExpiryUnknown = "inconnue"
	r.OpaqueWhy = "opaque : Auth0 délivre des jetons d’accès opaques quand aucune audience d’API n’est demandée ; il ne se décode pas"

	ph := &c.Phone
	ph.Title = "Téléphone simulé"
	ph.Idle = "Rien à faire."
	ph.NoDevices = "Aucun compte Guardian."
	ph.ScanPrompt = "Un code QR est à l’écran."
	ph.Scanning = "Scan en cours…"
	ph.Scanned = "Inscrit sous le nom %s."
	ph.ScanFailed = "Échec du scan : %s"
	ph.Incoming = "Demande de connexion"
	ph.From = "de %s sur %s"
	ph.ApproveKey = "approuver"
	ph.RejectKey = "refuser"
	ph.Answered = "Réponse envoyée."
	ph.AnswerFailed = "Impossible de répondre : %s"
	ph.OTP = "Code"
	ph.SecondsLeft = "%d s"
	ph.Hidden = "panneau masqué : p l’affiche"
	ph.DeviceName = "Téléphone de %s"
	ph.DeviceNameElided = "Téléphone d’%s" // before a vowel: Alice
	ph.Status = "téléphone"

	tr := &c.Trace
	tr.Title = "Trace des requêtes · %d échanges"
	tr.TitleOne = "Trace des requêtes · %d échange"
	tr.Empty = "Aucune requête pour l’instant. Chaque échange HTTP avec le locataire s’affichera ici, secrets masqués."
	tr.CurlTitle = "Le rejouer avec curl"
	tr.Variables = "Définissez d’abord %s dans votre shell, comme le fait la partie curl du README : elles remplacent les secrets que la trace masque."
	tr.Copied = "Envoyée au presse-papiers (OSC 52) ; si elle n’est pas arrivée, sélectionnez la commande ci-dessus."
	tr.Explained = "%s %s → %s : %s"
	tr.Tokens = "jetons"
	tr.NetworkError = "erreur réseau : %s"
	tr.Unread = "%s, illisible : %s"
	tr.NoAnswer = "pas de réponse"
	tr.NoReason = "(aucune raison donnée)"
	tr.NoAnswerIn = "pas de réponse après %s : %s"
	tr.StatusIn = "%s en %s"
	tr.ReadFailed = "la réponse n’a pas pu être lue : %s"
	tr.NoBody = "(pas de corps)"
	tr.Binary = "(%d octets qui ne sont pas du texte)"
	tr.BinaryOne = "(%d octet qui n’est pas du texte)"
	tr.MoreLines = "(%d lignes de plus non affichées)"
	tr.MoreLineOne = "(%d ligne de plus non affichée)"
	tr.Cut = "(le corps était plus long : seul son début a été gardé)"
	tr.CutHeaders = "… %s d’en-têtes non conservés"
	tr.CutBody = "… %s du corps non conservés"
	tr.CutURL = "… %s de l’URL non conservés"
	tr.Dropped = "… %d échanges plus anciens non conservés (la trace garde %s au plus)"
	tr.DroppedOne = "… %d échange plus ancien non conservé (la trace garde %s au plus)"
	tr.Bytes = "%d octets"
	tr.ByteOne = "%d octet"
	tr.Kilobytes = "%d,%d ko"
	tr.Megabytes = "%d,%d Mo"
	tr.CurlWide = "Ses lignes ne sont pas coupées, pour qu’un copier-coller à la souris donne une seule commande : élargissez la fenêtre pour les voir en entier, faites défiler avec ←/→, ou appuyez sur c pour la copier."
	tr.RevealPrompt = "Afficher dans la trace les secrets de %s : jetons, mfa_token, codes et secret client ? Quiconque voit l’écran peut s’en servir. Tapez %s, puis entrée :"
	tr.RevealDeclined = "Les secrets restent masqués."

	x := &c.Explain
	x.MFARequired = "mot de passe correct ; un mfa_token (valable quelques minutes) pour terminer la MFA"
	x.Tokens = "MFA terminée : jetons émis"
	x.Pending = "authorization_pending : pas encore de réponse du téléphone"
	x.SlowDown = "slow_down : interrogation trop rapide, chaque interrogation suivante attend 5 s de plus"
	x.Rejected = "refusé sur l’appareil"
	x.Expired = "expiré : recommencez"
	x.RateLimited = "débit limité : attente avant le prochain essai"
	x.Network = "pas de réponse du locataire"
	x.Associate = "un ticket d’inscription, valable 5 minutes"
	x.Challenge = "une notification poussée est en route ; son oob_code est interrogé"
	x.List = "les authentifiants de l’utilisateur, y compris ceux en attente"
	x.Delete = "supprimé, avec son authentifiant jumelé"
	x.Error = "%s"
	x.TooManyAttempts = "too_many_attempts : trop de mots de passe ou de codes erronés ; les essais suivants sont refusés pour l’instant"

	c.CLI.RevealPrompt = "--reveal-secrets affiche à l’écran et dans la trace des requêtes les jetons, les mfa_token et le secret client de %s.\nQuiconque voit l’écran peut s’en servir. Tapez oui pour continuer : "
	c.CLI.RevealDeclined = "les secrets restent masqués : relancez sans --reveal-secrets"
	c.CLI.RevealNeedsTerminal = "--reveal-secrets avec un vrai locataire demande un oui tapé dans un terminal"
	c.CLI.Yes = "oui"
	c.CLI.NeedsTerminal = "l’interface de mfapush a besoin d’un terminal : lancez-la dans un terminal, ou utilisez --plain"
	c.CLI.Warning = "avertissement : %s"
	c.CLI.Problems = "les réglages posent %d problèmes (voir ci-dessus ; mfapush config les montre tous)"
	c.CLI.ProblemsOne = "les réglages posent %d problème (voir ci-dessus ; mfapush config le montre aussi)"
	c.CLI.ProblemOne = "les réglages posent %d problème (voir ci-dessus)"
	c.CLI.ProblemMany = "les réglages posent %d problèmes (voir ci-dessus)"
	c.CLI.SandboxFailed = "impossible de démarrer le bac à sable intégré : %w"
	c.CLI.ErrorHeader = "ERREUR"
	c.CLI.TryHelp = "Essayez %s pour l’aide."
	c.CLI.UnknownCommand = "commande inconnue « %s » pour « %s »"
	c.CLI.UnknownFlag = "option inconnue : %s"
	c.CLI.FlagNeedsValue = "l’option %s attend une valeur"
	c.CLI.BadBool = "%s %q invalide : utilisez true ou false"
	c.CLI.BadDuration = "%s %q invalide : donnez une durée comme 5s ou 2m"
	c.CLI.NegativeDuration = "%s %s invalide : 0 (désactivé) ou une durée positive"
	c.CLI.NotLoopback = "--addr %s refusé : écoutez en boucle locale, comme 127.0.0.1:8484"
	c.CLI.BadAddr = "--addr %q invalide : utilisez hôte:port, comme 127.0.0.1:8484"
	c.CLI.PortBusy = "le port %s est occupé : libérez-le, ou utilisez --addr 127.0.0.1:0"
	c.CLI.FlagsExclusive = "%s et %s ne vont pas ensemble : utilisez l’un des deux"
	c.CLI.RecordNeedsInterface = "--record exige l’interface plein écran : un terminal, et pas --plain"
	c.CLI.RecordFailed = "impossible d’enregistrer dans %s : %w"

	hp := &c.Help
	hp.Root = "Inscrire des facteurs MFA d’Auth0, Push Guardian en tête, et leur lancer des défis-réponses depuis un terminal"
	hp.RootLong = "mfapush vous guide dans l’API MFA d’Auth0 : connexion, inscription de Guardian en\n" +
		"Push avec un code QR à l’écran (ou d’une application d’authentification, du SMS, de\n" +
		"la voix ou du courriel), liste des authentifiants, réponse à un défi-réponse. Sa\n" +
		"console de support vérifie un appelant par une notification poussée et réinitialise\n" +
		"des facteurs. Sans locataire configuré, il utilise un locataire bac à sable intégré,\n" +
		"avec un téléphone Guardian simulé."
	hp.Enroll = "Inscrire un facteur pour un utilisateur : Push Guardian avec le code QR à l’écran, une application, SMS, voix ou courriel"
	hp.Challenge = "Connecter un utilisateur par une notification poussée, ou un code (application, SMS, voix, courriel, récupération)"
	hp.Authenticators = "Lister les authentifiants d’un utilisateur, leur lancer un défi-réponse, les supprimer"
	hp.Sandbox = "Servir le locataire bac à sable et son téléphone Guardian simulé en boucle locale"
	hp.SandboxLong = "Sert un locataire Auth0 en mémoire qui parle l’API MFA et les points de terminaison\n" +
		"des appareils Guardian, avec un téléphone simulé que vous pilotez par /sandbox/ (voir\n" +
		"README.md, « Explore the MFA API with curl »). Il affiche les lignes export de\n" +
		"AUTH0_DOMAIN, AUTH0_CLIENT_ID et AUTH0_CLIENT_SECRET à coller dans un autre shell, puis\n" +
		"les utilisateurs de démonstration. Il tourne jusqu’à Ctrl+C."
	hp.Config = "Afficher les réglages en vigueur, leur provenance, et les vérifier"
	hp.ConfigLong = "Affiche les réglages que mfapush utiliserait, la provenance de chacun (option,\n" +
		"environnement, profil du fichier de configuration ou valeur par défaut), le fichier\n" +
		"de configuration et ses profils, et si le bac à sable intégré serait utilisé ;\n" +
		"puis liste chaque problème avec la façon de le corriger. Les secrets sont masqués.\n" +
		"Sort avec le code 1 s’il y a un problème."
	hp.Decode = "Décoder un JWT lu sur l’entrée standard : en-tête, revendications, expiration (non vérifié)"
	hp.Version = "Afficher la version de mfapush"
	hp.Help = "Aide sur une commande"
	hp.HelpLong = "Affiche l’aide de n’importe quelle commande.\nTapez %s help [chemin de la commande] pour tous les détails."
	hp.Completion = "Générer le script d’autocomplétion pour le shell indiqué"
	hp.CompletionLong = "Génère le script d’autocomplétion de %s pour le shell indiqué.\nL’aide de chaque sous-commande explique comment utiliser le script."
	hp.CompletionShell = "Générer le script d’autocomplétion pour %s"
	hp.CompletionShellLong = "Génère le script d’autocomplétion de %s pour le shell %s.\n\n" +
		"Pour charger l’autocomplétion dans la session en cours :\n\n  %s\n\n" +
		"Pour la charger dans chaque nouvelle session, mettez cette ligne dans le fichier de démarrage de votre shell."
	hp.NoDescriptions = "désactiver les descriptions dans l’autocomplétion"
	hp.Commands = "commandes"
	hp.HelpFlag = "aide sur %s"
	hp.VersionFlag = "version de %s"
	hp.ExitStatus = "Code de sortie, le même dans tous les modes : 0 terminé, ou rien de commencé ;\n" +
		"1 une erreur (de la ligne de commande aussi) ; 2 refusé sur le téléphone, ou annulé ;\n" +
		"129 le terminal a été fermé (SIGHUP) ; 130 Ctrl+C (SIGINT) ; 143 SIGTERM."

	fl := &c.Flags
	fl.Env = "%s (variable %s)"
	fl.Domain = "domaine du locataire Auth0, comme acme.eu.auth0.com"
	fl.ClientID = "Client ID de l’application Auth0"
	fl.ClientSecret = "Client Secret de l’application Auth0 (une option reste dans l’historique du shell : préférez l’environnement ou client_secret_file)"
	fl.Audience = "audience (identifiant d’API) des jetons demandés"
	fl.Realm = "connexion de base de données pour se connecter, comme Username-Password-Authentication"
	fl.Username = "utilisateur à connecter"
	fl.PollInterval = "délai entre deux interrogations pendant l’attente de l’approbation, comme 5s (de 1s à 60s avec un locataire ; le bac à sable accepte jusqu’à 10ms)"
	fl.Theme = "thème de couleurs : auto, light ou dark"
	fl.Lang = "langue : en ou fr (par défaut : selon LC_ALL, LC_MESSAGES ou LANG)"
	fl.RevealSecrets = "afficher les secrets (secret client, mot de passe, jetons, codes) dans la trace des requêtes, le détail des erreurs et config, au lieu de les masquer"
	fl.Plain = "sortie en texte simple, sans interface plein écran"
	fl.InvertQR = "inverser les couleurs du code QR, pour les terminaux où il ne se laisse pas scanner"
	fl.Profile = "profil du fichier de configuration à utiliser"
	fl.Config = "fichier de configuration (par défaut : $XDG_CONFIG_HOME/mfapush/config.toml)"
	fl.PasswordStdin = "lire le mot de passe sur la première ligne de l’entrée standard (mode texte)"
	fl.JSON = "afficher un document JSON sur stdout à la fin ; les autres lignes vont sur stderr (mode texte)"
	fl.ShowTokens = "afficher la valeur des jetons obtenus (mode texte)"
	fl.Authenticator = "ID de l’authentifiant du défi-réponse : un Push, ou un code par SMS, appel vocal, e-mail ou l’application (par défaut : le premier Push actif)"
	fl.OTPStdin = "répondre avec un code à 6 chiffres lu sur la ligne suivante de l’entrée standard au lieu d’une notification (mode texte)"
	fl.Addr = "adresse de boucle locale où écouter (127.0.0.1:0 choisit un port libre)"
	fl.TLS = "servir en https avec un certificat créé au démarrage (affiche SSL_CERT_FILE)"
	fl.MinPollInterval = "les interrogations d’un même oob_code plus rapprochées reçoivent slow_down (0 désactive)"
	fl.AutoApprove = "le téléphone approuve chaque notification après ce délai (0 : jamais)"
	fl.RecoveryCodeStdin = "répondre avec un code de récupération lu sur la ligne suivante de l’entrée standard au lieu d’une notification (mode texte)"
	fl.HelpdeskClientID = "Client ID de l’application machine à machine du support (Management API et CIBA)"
	fl.HelpdeskClientSecret = "Client Secret de l’application du support (une option reste dans l’historique du shell : préférez l’environnement ou helpdesk_client_secret_file)"
	fl.AutoScan = "le téléphone scanne chaque code QR d’inscription Push après ce délai (0 : jamais)"
	fl.Record = "enregistrer la session dans un fichier au format asciicast v2, que lit asciinema, secrets masqués"

	sb := &c.Sandbox
	sb.Serving = "Le locataire bac à sable de mfapush est en service (Ctrl+C l’arrête). Chaque connexion exige la MFA."
	sb.User, sb.Password, sb.State = "utilisateur", "mot de passe", "état"
	sb.NotEnrolled = "aucun authentifiant : à inscrire en Push"
	sb.Enrolled = "appareil Push « %s » + TOTP, code de récupération %s"
	sb.PlayPhone = "Pilotez le téléphone avec curl (après avoir collé les lignes ci-dessus dans votre shell) :"
	sb.OrReject = "(ou /reject)"
	sb.WalkThrough = "La démarche complète est dans README.md, « Explore the MFA API with curl »."
	sb.LimitedHelpdesk = "L’application du support ci-dessus a toutes les portées qu’utilise le support ; celle-ci n’a pas %s, pour voir les réponses 403 :"

	d := &c.Decode
	d.Header = "En-tête"
	d.Claims = "Revendications"
	d.ExpiresIn = "Expire dans %s."
	d.ExpiredAgo = "Expiré depuis %s."
	d.NoExpiry = "Aucune revendication d’expiration (exp)."
	d.NotVerified = "Décodé seulement : la signature n’a pas été vérifiée."
	d.NoToken = "pas de jeton sur l’entrée standard : envoyez-en un, par exemple : echo \"$ACCESS_TOKEN\" | mfapush decode"
	d.Prompt = "Collez un JWT (il ne s’affiche pas), puis appuyez sur Entrée : "
	d.Cancelled = "Rien n’a été collé : aucun jeton décodé."
	d.NotJWT = "ce n’est pas un JWT (trois parties base64url séparées par des points) : un mfa_token ou un jeton d’accès opaque ne se décode pas"

	c.Duration.Now = "maintenant"
	c.Duration.Seconds = "%d s"
	c.Duration.Tenths = "%d,%d s"
	c.Duration.Millis, c.Duration.Minutes, c.Duration.Hours, c.Duration.Days = "%d ms", "%d min", "%d h", "%d j"

	pl := &c.Plain
	pl.NeedsTerminal = "L’interface de mfapush a besoin d’un terminal. Sans terminal, lancez mfapush enroll, mfapush challenge ou mfapush authenticators avec --plain."
	pl.Labeled = "%s : %s"
	pl.Heading = "%s :"
	pl.Error = "Erreur : %s"
	pl.Tenant = "Locataire : %s"
	pl.SandboxTenant = "Locataire : le bac à sable intégré sur %s (aucun locataire n’est configuré)."
	pl.SandboxPhone = "Le téléphone simulé du bac à sable répond de lui-même au bout de %s : il scanne le code, approuve les notifications et transmet les codes qu’il reçoit."
	pl.UsernamePrompt = "Courriel : "
	pl.PasswordPrompt = "Mot de passe de %s (masqué) : "
	pl.NoUsername = "Aucun utilisateur à connecter : passez --username (il n’y a pas de terminal pour le demander)."
	pl.NoPassword = "Pas de mot de passe : transmettez-le avec --password-stdin, ou lancez la commande dans un terminal pour le saisir."
	pl.EmptyPassword = "Le mot de passe est vide."
	pl.EmptyStdin = "%s : rien n’est arrivé sur l’entrée standard."
	pl.BadOTP = "--otp-stdin attend les 6 chiffres affichés dans l’appli Guardian."
	pl.SigningIn = "Connexion en tant que %s…"
	pl.ValidUntil = "Le code est valable %s, jusqu’à %s."
	pl.RecoveryOnce = "Affiché une seule fois : notez-le maintenant. C’est l’accès de secours si le téléphone est perdu."
	pl.WaitingPhone = "En attente du téléphone (prochain contrôle : %s, le code expire dans %s)"
	pl.WaitingApproval = "En attente de l’approbation (prochain contrôle : %s, %s restant)"
	pl.Retrying = "Le locataire n’a pas répondu (%d fois de suite) : nouvel essai."
	pl.StartAgain = "Relancez la commande pour obtenir un nouveau code."
	pl.RunAgain = "Relancez la commande."
	pl.AlreadyEnrolled = "Pour inscrire un autre appareil, lancez mfapush enroll dans un terminal sans --plain : il vérifie avec un facteur existant, puis affiche le code."
	pl.Pushing = "Envoi d’une notification poussée (appareil : %s, %s)…"
	pl.UsingOTP = "Vérification du code lu sur l’entrée standard, sans notification poussée…"
	pl.NoSuchAuth = "%s ne fait pas partie des authentifiants de cet utilisateur."
	pl.NoSuchAuthFix = "mfapush authenticators --plain liste les authentifiants de l’utilisateur avec leurs ID."
	pl.NoSuchAuthFresh = "Le bac à sable intégré repart de zéro à chaque exécution, avec de nouveaux ID : servez-en un avec mfapush sandbox dans un autre terminal et exportez les lignes AUTH0_ qu’il affiche, pour que les ID restent."
	pl.RejectedHint = "La personne qui tient le téléphone a refusé la demande. Relancez la commande pour envoyer une nouvelle notification."
	pl.ExpiredHint = "Le mfa_token ou la notification a expiré avant toute réponse. Relancez la commande."
	pl.Interrupted = "Interrompu. La requête en cours, s’il y en avait une, a été annulée ; rien d’autre n’a été envoyé."
	pl.HiddenToken = "masqué : passez --show-tokens pour l’afficher"
	pl.ListTitle = "Authentifiants de %s :"
	pl.UsingRecoveryCode = "Vérification du code de récupération lu sur l’entrée standard, sans notification poussée…"
	pl.NewRecoveryCode = "Le code utilisé ne fonctionne plus : notez tout de suite ce nouveau code, il n’est affiché qu’ici."
	c.Requirements.Challenge = "mfa_requirements d’Auth0 : vérification par %s."
	c.Requirements.Enroll = "mfa_requirements d’Auth0 : inscrire d’abord %s."
	c.Requirements.NotAllowed = "Les mfa_requirements d’Auth0 n’autorisent pas %s pour cet utilisateur, seulement : %s."
	c.Config = frenchConfig()
	c.Demo = frenchDemo()
	c.Factors = frenchFactors()
	c.Help.Headings.Usage, c.Help.Headings.Examples = "UTILISATION", "EXEMPLES"
	c.Help.Headings.Flags, c.Help.Headings.FlagsPlaceholder = "OPTIONS", "[--options]"
	c.Help.Headings.CommandPlaceholder = "[commande]"

	ex := &c.Help.Examples
	ex.Root = `  # L’essayer sur le locataire bac à sable intégré, avec son téléphone simulé
  mfapush

  # Utiliser votre propre locataire
  AUTH0_DOMAIN=dev-abc123.us.auth0.com AUTH0_CLIENT_ID=... mfapush`
	ex.Enroll = `  # Inscrire Push Guardian pour un utilisateur : seul le mot de passe est demandé
  mfapush enroll --username alice@example.com

  # Dans un script : le code QR imprimé une fois, un rapport JSON à la fin
  echo "$PASSWORD" | mfapush enroll --plain --username alice@example.com --password-stdin --json`
	ex.Challenge = `  # Envoyer une notification poussée et attendre l’approbation
  mfapush challenge --username bob@example.com

  # Dans un tube, face à « mfapush sandbox --auto-approve 2s » dans un autre terminal
  echo bob-password | mfapush challenge --plain --username bob@example.com --password-stdin`
	ex.Authenticators = `  # Lister, lancer un défi-réponse et supprimer les authentifiants d’un utilisateur
  mfapush authenticators --username bob@example.com

  # La liste en JSON
  echo bob-password | mfapush authenticators --username bob@example.com --password-stdin --json`
	ex.Sandbox = `  # Servir le bac à sable, puis coller les lignes imprimées dans un autre shell
  mfapush sandbox

  # En https, avec un téléphone qui approuve chaque notification après 2 secondes
  mfapush sandbox --tls --auto-approve 2s`
	ex.Config = `  # Ce qui s’applique, d’où vient chaque valeur, et ce qui ne va pas
  mfapush config

  # La même chose pour un profil de config.toml
  mfapush config --profile helpdesk-eu`
	ex.Decode = `  # Décoder un jeton copié dans le presse-papiers
  pbpaste | mfapush decode`

	c.Helpdesk = frenchHelpdesk()
	return c
}
