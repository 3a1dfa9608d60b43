import Foundation

/// Locates the files shipped in the top-level `Resources/` folder (samples, NER model, notices).
public enum BriefResources {
    /// The `Resources/` folder inside the resource bundle.
    public static var root: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Resources", isDirectory: true)
    }

    /// The bundled sample briefings.
    public static var samples: URL { root.appendingPathComponent("samples", isDirectory: true) }

    /// The trained named-entity model.
    public static var nerModel: URL { root.appendingPathComponent("ner", isDirectory: true) }
}
