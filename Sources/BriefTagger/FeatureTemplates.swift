/// The feature templates, as hashes. Word features depend on one word and the offset it is seen at
/// (-2…+2), so the tagger can sum their weights once per distinct word; context features join words,
/// the sentence and the document and are looked up per token.
public struct FeatureTemplates: Sendable {
    public var options: FeatureOptions

    public init(options: FeatureOptions) { self.options = options }

    // Template ids. Changing one invalidates saved models.
    private enum T: UInt64 {
        case bias = 1, word, lower, shape, shortShape, prefix, suffix, letterCase, length, frequency, frequencyCase
        case cluster64, cluster1024, cluster4096, clusterCase, gazetteer, gazetteerCase, noGazetteer
        case bigramLeft, bigramRight, shapeTrigram, first, firstFrequency, positionCase
        case capsLower, capsShape, capsFrequency, capsCluster, docLower, docCapitalisedInside
        case phrase, aggregateLeft, aggregateRight, trigram
        case passLabel, passPrevious, passNext, passBigram, docType, docTypeCase, longer, longerCase
    }

    @inline(__always)
    private static func f(_ t: T, _ offset: Int, _ value: UInt64) -> UInt64 {
        FeatureHash.mix((t.rawValue << 8) | UInt64(offset + 8), value)
    }

    /// Appends the features word `w` contributes when seen at `offset` from the token being labelled.
    public func wordFeatures(_ w: WordInfo, offset: Int, into out: inout [UInt64]) {
        let caseValue = UInt64(w.letterCase.rawValue)
        if offset == 0 {
            out.append(Self.f(.bias, 0, 0))
            out.append(Self.f(.word, 0, w.word))
            out.append(Self.f(.lower, 0, w.lower))
            out.append(Self.f(.shape, 0, w.shape))
            out.append(Self.f(.shortShape, 0, w.shortShape))
            for p in [w.prefix1, w.prefix2, w.prefix3, w.prefix4] { out.append(Self.f(.prefix, 0, p)) }
            for s in [w.suffix1, w.suffix2, w.suffix3, w.suffix4] { out.append(Self.f(.suffix, 0, s)) }
            if options.trigrams {
                withUnsafeBytes(of: w.trigrams) { raw in
                    for k in 0..<12 {
                        let g = raw.load(fromByteOffset: k * 8, as: UInt64.self)
                        if g == 0 { break }
                        out.append(Self.f(.trigram, 0, g))
                    }
                }
            }
            let flags = caseValue | (w.hasDigit ? 8 : 0) | (w.hasHyphen ? 16 : 0) | (w.hasPeriod ? 32 : 0)
            out.append(Self.f(.letterCase, 0, flags))
            out.append(Self.f(.length, 0, UInt64(w.lengthBucket) << 8 | caseValue))
            if options.frequency {
                out.append(Self.f(.frequency, 0, UInt64(w.frequency)))
                out.append(Self.f(.frequencyCase, 0, UInt64(w.frequency) << 8 | caseValue))
            }
            if options.clusters, w.cluster64 != 0 {
                out.append(Self.f(.cluster64, 0, w.cluster64))
                out.append(Self.f(.cluster1024, 0, w.cluster1024))
                out.append(Self.f(.cluster4096, 0, w.cluster4096))
                out.append(Self.f(.clusterCase, 0, FeatureHash.mix(w.cluster1024, caseValue)))
            }
            if options.gazetteer {
                appendGazetteer(w, offset: 0, caseValue: caseValue, into: &out)
            }
        } else if offset == -1 || offset == 1 {
            out.append(Self.f(.lower, offset, w.lower))
            out.append(Self.f(.shortShape, offset, w.shortShape))
            if options.frequency {
                out.append(Self.f(.frequencyCase, offset, UInt64(w.frequency) << 8 | caseValue))
            } else {
                out.append(Self.f(.letterCase, offset, caseValue))
            }
            if options.clusters, w.cluster64 != 0 {
                out.append(Self.f(.cluster1024, offset, w.cluster1024))
            }
            if options.gazetteer {
                appendGazetteer(w, offset: offset, caseValue: caseValue, into: &out)
            }
        } else {
            out.append(Self.f(.lower, offset, w.lower))
            out.append(Self.f(.shortShape, offset, w.shortShape))
        }
    }

    private func appendGazetteer(_ w: WordInfo, offset: Int, caseValue: UInt64, into out: inout [UInt64]) {
        let bits = w.gazetteer.rawValue
        if bits == 0 {
            if offset == 0 { out.append(Self.f(.noGazetteer, 0, caseValue)) }
            return
        }
        for bit in 0..<GazetteerFlags.bitCount where bits & (1 << UInt32(bit)) != 0 {
            out.append(Self.f(.gazetteer, offset, UInt64(bit)))
            if offset == 0 { out.append(Self.f(.gazetteerCase, 0, UInt64(bit) << 8 | caseValue)) }
        }
    }

    /// Appends the features that join the token with its neighbours, sentence and document. The words are
    /// read in place.
    public func contextFeatures(previous previousWord: UnsafePointer<ContextWord>,
                                current currentWord: UnsafePointer<ContextWord>,
                                next nextWord: UnsafePointer<ContextWord>, context: SentenceContext,
                                into out: inout [UInt64]) {
        let current = currentWord.pointee
        let previousLower = previousWord.pointee.lower, previousShape = previousWord.pointee.shortShape
        let nextLower = nextWord.pointee.lower, nextShape = nextWord.pointee.shortShape
        let caseValue = UInt64(current.letterCase.rawValue)
        out.append(Self.f(.bigramLeft, 0, FeatureHash.mix(previousLower, current.lower)))
        out.append(Self.f(.bigramRight, 0, FeatureHash.mix(current.lower, nextLower)))
        out.append(Self.f(.shapeTrigram, 0, FeatureHash.mix(previousShape, current.shortShape, nextShape)))
        if context.position == 0 {
            out.append(Self.f(.first, 0, current.shortShape))
            if options.frequency { out.append(Self.f(.firstFrequency, 0, UInt64(current.frequency))) }
        }
        out.append(Self.f(.positionCase, 0, UInt64(min(context.position, 3)) << 8 | caseValue
                          | (context.allCaps ? 1 << 16 : 0)))
        if context.allCaps {
            out.append(Self.f(.capsLower, 0, current.lower))
            out.append(Self.f(.capsShape, 0, current.shortShape))
            if options.frequency { out.append(Self.f(.capsFrequency, 0, UInt64(current.frequency))) }
            if options.clusters, current.hasCluster { out.append(Self.f(.capsCluster, 0, current.cluster1024)) }
        }
        if options.gazetteer, !context.phrase.isEmpty {
            let bits = context.phrase.rawValue
            for bit in 0..<GazetteerFlags.bitCount where bits & (1 << UInt32(bit)) != 0 {
                out.append(Self.f(.phrase, 0, UInt64(bit) << 1 | (context.phraseInside ? 1 : 0)))
            }
        }
        if options.documentSpelling, current.letterCase != .lower, current.letterCase != .noLetters {
            let where_ = UInt64(context.position == 0 ? 1 : 0) | (context.allCaps ? 2 : 0)
            out.append(Self.f(.docLower, 0, (context.seenLowercase ? 4 : 0) | where_ | caseValue << 8))
            out.append(Self.f(.docCapitalisedInside, 0, (context.seenCapitalisedInside ? 4 : 0) | where_))
        }
    }

    /// Appends the neighbours of the word's occurrences across the document (the same for every occurrence,
    /// so the tagger sums them once per word and document).
    public func aggregateFeatures(_ context: SentenceContext, aggregates: UnsafeBufferPointer<UInt64>,
                                  into out: inout [UInt64]) {
        guard options.contextAggregation, context.aggregateStart >= 0 else { return }
        let start = Int(context.aggregateStart)
        let end = min(start + Int(context.aggregateCount), aggregates.count)
        var k = start
        while k + 1 < end {
            out.append(Self.f(.aggregateLeft, 0, aggregates[k]))
            out.append(Self.f(.aggregateRight, 0, aggregates[k + 1]))
            k += 2
        }
    }

    /// The most features `evidenceFeatures` appends for one token (`PassScorer.emissions` sizes its buffer by it).
    public static let evidenceFeatureLimit = 8

    /// Appends the second pass's features drawn from the first pass: at most `evidenceFeatureLimit`.
    public func evidenceFeatures(_ e: FirstPassEvidence, current: UnsafePointer<ContextWord>, into out: inout [UInt64]) {
        let caseValue = UInt64(current.pointee.letterCase.rawValue)
        out.append(Self.f(.passLabel, 0, UInt64(bitPattern: Int64(e.label))))
        out.append(Self.f(.passPrevious, 0, UInt64(bitPattern: Int64(e.previousLabel))))
        out.append(Self.f(.passNext, 0, UInt64(bitPattern: Int64(e.nextLabel))))
        out.append(Self.f(.passBigram, 0, UInt64(bitPattern: Int64(e.previousLabel * 16 + e.label))))
        if e.documentType >= 0 {
            out.append(Self.f(.docType, 0, UInt64(e.documentType * 8 + e.documentShare)))
            out.append(Self.f(.docTypeCase, 0, UInt64(e.documentType) << 8 | caseValue))
        }
        if e.longerEntityType >= 0 {
            out.append(Self.f(.longer, 0, UInt64(e.longerEntityType)))
            out.append(Self.f(.longerCase, 0, UInt64(e.longerEntityType) << 8 | caseValue))
        }
    }
}
