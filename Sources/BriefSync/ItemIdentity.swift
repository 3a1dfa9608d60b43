import Foundation

/// The identity TT-RSS gives an item, computed from the feed's own data so a story Brief fetched itself can be
/// matched with the same item delivered by the server: `"SHA1:"` followed by the SHA-1 of the item's raw guid text,
/// or of its raw (unresolved) link when it has no guid. TT-RSS reports it in each headline's `guid` field as
/// `{"ver":2,"uid":U,"hash":"SHA1:…"}`.
public enum ItemIdentity {
    /// The TT-RSS hash for an item; nil when it has neither guid nor link.
    ///
    ///     ItemIdentity.ttrssHash(guid: "urn:example:1", link: nil)  // "SHA1:" + sha1("urn:example:1")
    public static func ttrssHash(guid: String?, link: String?) -> String? {
        let source = [guid, link].lazy.compactMap { $0 }.first { !$0.isEmpty }
        return source.map { "SHA1:" + SHA1.hex($0.utf8) }
    }

    /// The hash inside a TT-RSS headline's `guid` field (`{"ver":2,…,"hash":"SHA1:…"}`); a guid in any other form
    /// (older servers store the plain guid) is returned as it is.
    public static func hash(inTTRSSGuid field: String) -> String {
        guard field.hasPrefix("{"), let data = field.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let hash = object["hash"] as? String
        else { return field }
        return hash
    }
}
