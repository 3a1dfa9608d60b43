import CLibcrypto

/// SHA-256 of a story's source text, as lowercase hex: the key that makes re-importing the same content a no-op.
/// OpenSSL's libcrypto computes it (with the CPU's SHA instructions where it has them: about a tenth of the hand-written
/// version's time this replaced); Foundation on Linux has no CryptoKit.
enum ContentHash {
    /// The SHA-256 implementation, fetched once: a fetch per story looks it up among libcrypto's providers each time.
    /// An `EVP_MD` is immutable once fetched and may be used from any thread. A configuration (`OPENSSL_CONF`) that
    /// activates only other providers (the legacy one) leaves libcrypto's built-in default provider unloaded: it is
    /// loaded then, and the fetch tried again.
    nonisolated(unsafe) private static let sha256: OpaquePointer? = {
        if let found = EVP_MD_fetch(nil, "SHA256", nil) { return found }
        _ = OSSL_PROVIDER_load(nil, "default")
        return EVP_MD_fetch(nil, "SHA256", nil)
    }()

    /// Whether libcrypto gives SHA-256 here: a writable `Store` opens only when it does (`StoreError.noHashing`),
    /// so that no import reaches `digest` without it.
    static var isAvailable: Bool { sha256 != nil }

    /// The hex digest of `text`'s UTF-8 bytes.
    static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { digest(of: $0) }
    }

    /// The hex digest of `bytes`.
    static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = digest.withUnsafeMutableBufferPointer { out in
            // An empty buffer may have no address; libcrypto reads nothing from it then.
            EVP_Digest(bytes.baseAddress ?? UnsafePointer(out.baseAddress), bytes.count, out.baseAddress, &length,
                       sha256, nil)
        }
        // libcrypto fails only without memory once SHA-256 was fetched (`isAvailable`): no hash could be trusted then.
        precondition(done == 1 && length == 32, "libcrypto's SHA-256 is unavailable")
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
