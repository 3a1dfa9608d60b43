import BriefModel
import Foundation

/// What sectioning a stored story again starts from: its original text, format, and the date that gives a dateline
/// without a year its year (published, else the import time).
public struct SectioningSource: Sendable {
    public var originalText: String
    public var format: SourceFormat
    public var reference: Date

    public init(originalText: String, format: SourceFormat, reference: Date) {
        self.originalText = originalText
        self.format = format
        self.reference = reference
    }
}
