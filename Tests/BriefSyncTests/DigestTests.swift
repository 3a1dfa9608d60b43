import BriefSync
import Testing

/// The digests against the published test vectors (FIPS 180 examples for SHA-1, RFC 1321's suite for MD5).
struct DigestTests {
    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
    ])
    func givenATestVector_whenHashingWithSHA1_thenTheDigestMatches(_ input: String, _ expected: String) {
        #expect(SHA1.hex(input.utf8) == expected)
    }

    @Test func givenAMillionAs_whenHashingWithSHA1_thenTheLongVectorMatches() {
        #expect(SHA1.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func givenMessagesAroundTheBlockBoundary_whenHashing_thenPaddingIsRight() {
        // 55, 56 and 64 bytes: one block, the length spilling into a second block, exactly one full block.
        #expect(SHA1.hex([UInt8](repeating: 0x61, count: 55)) == "c1c8bbdc22796e28c0e15163d20899b65621d65a")
        #expect(SHA1.hex([UInt8](repeating: 0x61, count: 56)) == "c2db330f6083854c99d4b5bfb6e8f29f201be699")
        #expect(SHA1.hex([UInt8](repeating: 0x61, count: 64)) == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
    }

    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func givenAnRFC1321Vector_whenHashingWithMD5_thenTheDigestMatches(_ input: String, _ expected: String) {
        #expect(MD5.hex(input.utf8) == expected)
    }
}
