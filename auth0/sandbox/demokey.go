package sandbox

import (
	"crypto/rsa"
	"errors"
	"math/big"
	"strings"
	"sync"
)

// demoDeviceKey is the key of bob's demo device, "Bob's phone", which Start
// enrolls. It is fixed, and public like bob's password: making an RSA-2048
// key took most of the sandbox's start, and so most of the time before
// mfapush's first frame. Every device the phone enrolls later gets a new
// key, as a real phone's does.
var demoDeviceKey = sync.OnceValues(func() (*rsa.PrivateKey, error) {
	p, okP := new(big.Int).SetString(demoPrimeP, 16)
	q, okQ := new(big.Int).SetString(demoPrimeQ, 16)
	if !okP || !okQ {
		return nil, errors.New("sandbox: unreadable demo device key")
	}
	one := big.NewInt(1)
	e := big.NewInt(65537)
	phi := new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one))
	key := &rsa.PrivateKey{
		PublicKey: rsa.PublicKey{N: new(big.Int).Mul(p, q), E: int(e.Int64())},
		D:         new(big.Int).ModInverse(e, phi),
		Primes:    []*big.Int{p, q},
	}
	// Precompute first: Validate then finds the precomputed values
	// consistent and checks no more, where the other way round each made
	// them, and the key cost twice the CPU.
	key.Precompute()
	if err := key.Validate(); err != nil {
		return nil, err
	}
	return key, nil
})

// The demo device key's primes, in hexadecimal.
var (
	demoPrimeP = strings.Join([]string{
		"d645da68cec2748448384271b49585b31e2734f0c3ff6ec893343ea56ecf0b4a",
		"ece0206691f485e460e21b5fe96de8ae825fa3017ae6496f331c577ab254a579",
		"b50f29826c3295d9fc77533f89e7dc2b2b2bcea1600bd13900d077380844190a",
		"e0b69f11a50c195f87678a23b686bc27dfa8de183fc724d8cc459df19636e0b1",
	}, "")
	demoPrimeQ = strings.Join([]string{
		"f6e44747fd9a900268c0e0f816c1d5bc2bc6c1480e468c436b685691a8f530a4",
		"87ea293d2e3bf46f48e9bb2cda86c0ca0f23109772c5f7f19234b370162da98a",
		"4070a9c5df5ec202f6bd2457baabfd9cd55b245ddfdec80033e8f3cd8ff658e0",
		"ec1a1e35aa710138f9e235874ac0927cd4224cc95613598fe6e35008027cad9b",
	}, "")
)
