public import CMKCrypto
