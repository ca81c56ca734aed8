package qrtest

// barcode_uri values of the shapes mfapush shows, for tests that render them.
const (
	// URISandbox is the sandbox's shape: 157 bytes.
	URISandbox = "otpauth://totp/mfapush%20sandbox:alice%40example.com?enrollment_tx_id=Xa3k9QmL2vPz7RtY8wBn4cDe6FgH1jKs" +
		"&base_url=http%3A%2F%2F127.0.0.1%3A8484%2Fappliance-mfa"
	// URIAuth0 is the shape of one recorded from Auth0: 173 bytes.
	URIAuth0 = "otpauth://totp/My%20Test%20Tenant:user%40example.com?enrollment_tx_id=t5FmaYNt8APzKlh3WCRNLi2dG3uZYnAC" +
		"&base_url=https%3A%2F%2Fgo-auth0-dev.eu.auth0.com.guardian.us.auth0.com"
	// URILong has a 40-character tenant name and a long email: 213 bytes.
	URILong = "otpauth://totp/northwind-traders-identity-platform-prod:alexandra.konstantinopoulou%40subsidiary.example.com" +
		"?enrollment_tx_id=Xa3k9QmL2vPz7RtY8wBn4cDe6FgH1jKs&base_url=http%3A%2F%2F127.0.0.1%3A8484%2Fappliance-mfa"
)
