package i18n

func frenchDemo() DemoWords {
	var w DemoWords
	c := &w.Captions
	c.Intro = "Un locataire bac à sable et un téléphone simulé : rien à configurer."
	c.AliceSignsIn = "Alice se connecte avec son mot de passe pour inscrire son téléphone."
	c.AliceScans = "Auth0 envoie un code QR. Le téléphone d’Alice le scanne…"
	c.AliceEnrolled = "…et il est inscrit. Son code de récupération la dépannera si elle le perd."
	c.BobSignsIn = "Bob est déjà inscrit : il se connecte et choisit le push de son téléphone."
	c.BobApproves = "Le téléphone doit approuver la connexion. Bob touche Approuver."
	c.BobSignedIn = "Approuvé : Auth0 délivre les jetons de Bob, marqués MFA."
	c.PushAgain = "Une nouvelle connexion au nom de Bob : cette fois, le téléphone refuse."
	c.Rejected = "Refusé sur le téléphone : Auth0 ne délivre aucun jeton."
	c.OTP = "Pas de push ? Bob tape le code à 6 chiffres de son appli Guardian."
	c.OTPDone = "Le code est bon : Bob est connecté."
	c.Recovery = "Téléphone perdu ? Bob se connecte avec son code de récupération."
	c.RecoveryDone = "Un code de récupération ne sert qu’une fois : Auth0 en donne un nouveau."
	c.End = "Inscrire, approuver, refuser, un code, un code de récupération : voilà Guardian push."
	w.Step = "étape %d sur %d"
	w.Paused = "en pause : espace reprend, → étape suivante"
	w.Keys = "espace pause • → étape suivante • q quitter"
	w.Stuck = "la démo a attendu %q à l’écran pendant %s sans le voir venir : donnez-lui une fenêtre d’au moins 80×24 et relancez-la, ou signalez-le"
	w.NeedsTerminal = "mfapush demo a besoin d’un terminal : lancez-la dans un terminal, ou enregistrez-la sans terminal avec --size 100x34 --record demo.cast"
	w.NoDevice = "la démo ne trouve aucun appareil de %s sur le téléphone simulé"
	w.NoUser = "la démo ne trouve aucun utilisateur %s dans le bac à sable"
	w.BadSpeed = "--speed %s invalide : donnez un facteur au-dessus de 0, comme 0.5 (plus lent) ou 4 (plus rapide)"

	s := &w.Screens
	s.Home = "Choisissez quoi montrer : inscrire un téléphone, ou se connecter avec un push."
	s.SignIn = "L’utilisateur se connecte avec un mot de passe ; Auth0 demande alors le MFA."
	s.Enroll = "Auth0 a envoyé un ticket d’inscription : le téléphone scanne ce code QR."
	s.Enrolled = "Le téléphone est inscrit, avec un code de récupération."
	s.List = "Les authentificateurs de l’utilisateur : choisissez celui à solliciter."
	s.Push = "Le téléphone doit approuver ; mfapush interroge Auth0 pour la réponse."
	s.Rejected = "Le téléphone a refusé : Auth0 ne délivre aucun jeton."
	s.Code = "Un code au lieu d’un push : d’une appli, d’un SMS, d’un appel, d’un e-mail, ou un code de récupération."
	s.FactorChoice = "Auth0 propose plusieurs facteurs : push, appli d’authentification, SMS, appel ou e-mail."
	s.Address = "Où Auth0 envoie les codes : un numéro de téléphone ou une adresse e-mail."
	s.Confirm = "Le code reçu confirme le nouveau facteur."
	s.Result = "Connecté avec MFA : les jetons délivrés par Auth0."
	s.NewRecovery = "Un code de récupération ne sert qu’une fois : voici le nouveau."
	s.HelpdeskFind = "Le support trouve l’appelant par son e-mail, avec l’API Management."
	s.HelpdeskUsers = "Plusieurs comptes partagent cet e-mail : le support choisit celui de l’appelant."
	s.HelpdeskCard = "Le compte de l’utilisateur et ses facteurs, tels que l’API Management les liste."
	s.HelpdeskVerify = "Un push avec un message lu à voix haute prouve que l’appelant tient le téléphone."
	s.HelpdeskConfirm = "Les facteurs supprimés devront être inscrits à nouveau : le support confirme d’abord."
	s.HelpdeskTicket = "Ticket d’inscription : à scanner, ou son lien à ouvrir, sur le téléphone."
	s.HelpdeskRecovery = "Un nouveau code de récupération, affiché une fois, que le support transmet."
	w.Masked = "•••••• masqué en mode présentation"
	w.RecoveryMasked = "Masqué pour le public : appuyez sur w pour l’enregistrer dans un fichier privé."
	h := &w.Help
	h.Short = "Jouer toute l’histoire toute seule sur le bac à sable, devant un public"
	h.Long = `Joue toute l’histoire sur le bac à sable intégré, toute seule, avec les vrais écrans : Alice s’inscrit
en scannant le code QR, Bob se connecte avec un push et l’approuve, un push est refusé, le code de
l’appli Guardian est tapé à la place, et un code de récupération connecte Bob. Une légende dit ce qui se
passe à chaque étape.

La démo tourne en mode présentation sauf avec --present=false : taillée pour un projecteur, secrets masqués.
Pendant qu’elle joue : espace met en pause et reprend, → ou n passe à l’étape suivante, q quitte.`
	h.Example = `  # L’histoire au rythme d’une présentation
  mfapush demo

  # Deux fois plus vite, en boucle, sur l’écran d’un stand
  mfapush demo --speed 2 --loop

  # Un enregistrement à partager, puis une image animée
  mfapush demo --record demo.cast --speed 4
  go run ./internal/cmd/castsvg -in demo.cast -out docs/images/demo.svg`
	h.Speed = "vitesse de l’histoire : 2 deux fois plus vite, 0.5 deux fois moins vite"
	h.Loop = "reprendre l’histoire à sa fin, jusqu’à q"
	h.Present = "mode présentation : grand code QR, légendes, secrets masqués (activé par défaut pour la démo)"
	h.Setting = "Mode présentation"
	h.Size = "jouer sans terminal, dans une fenêtre de cette taille (comme 100x30), dans le seul fichier de --record"
	h.BadSize = "--size %s invalide : donnez LARGEURxHAUTEUR, au moins 80x24, comme 100x30"
	h.SizeNeedsRecord = "--size joue sans terminal : donnez --record FICHIER.cast pour garder ce qu’il montre"
	h.PresentSetting = "mode présentation : une légende par écran, grand code QR, secrets masqués quoi que disent les autres réglages"
	return w
}
