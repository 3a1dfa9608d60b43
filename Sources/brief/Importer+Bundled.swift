import BriefLibrary
import BriefResources
import BriefStore

extension Importer {
    /// An importer that tags with the entity model shipped beside the binary, loaded once.
    /// A missing bundle or model is an error: stories imported untagged would stay untagged, since
    /// re-importing the same content changes nothing.
    static func bundled(store: Store) throws -> Importer {
        let model = try BriefResources.locateRoot().appendingPathComponent("ner", isDirectory: true)
        let importer = try Importer(store: store, taggerModel: model)
        if importer.modelMissing { throw MissingModelError(path: model.path) }
        return importer
    }
}
