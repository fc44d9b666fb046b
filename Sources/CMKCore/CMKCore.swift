import CMKCrypto
