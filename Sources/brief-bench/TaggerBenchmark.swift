import BriefResources
import BriefTagger
import Foundation

/// `brief-bench tagger [--model DIR] [--data DIR]`: model size and load time, dev-set F1 and per-type
/// scores, and in-process throughput of tokenising and tagging raw text (one thread).
///
/// The raw text is rebuilt at run time from the CoNLL training tokens in the data folder (joined with
/// spaces, a sentence a line), so no corpus text is kept in the repository.
enum TaggerBenchmark {
    /// CPU time of the calling thread, in seconds.
    static func threadCPUTime() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func run(_ args: [String]) throws {
        var modelDir = BriefResources.nerModel
        var dataDir = URL(fileURLWithPath: "../shared/data", isDirectory: true)
        var k = 0
        while k < args.count {
            switch args[k] {
            case "--model" where k + 1 < args.count: modelDir = URL(fileURLWithPath: args[k + 1], isDirectory: true); k += 1
            case "--data" where k + 1 < args.count: dataDir = URL(fileURLWithPath: args[k + 1], isDirectory: true); k += 1
            default: throw TaggerError.badTrainingData("unknown argument \(args[k]); usage: tagger [--model DIR] [--data DIR]")
            }
            k += 1
        }
        // Size and load time.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: modelDir.path)) ?? []
        let bytes = files.reduce(0) { total, name in
            let size = (try? FileManager.default.attributesOfItem(atPath: modelDir.appendingPathComponent(name).path)[.size]) as? Int
            return total + (size ?? 0)
        }
        var tagger = try Tagger.load(from: modelDir)
        var loads: [Double] = [], loadsCPU: [Double] = []
        for _ in 0..<5 {
            let t = Date(), c = threadCPUTime()
            tagger = try Tagger.load(from: modelDir)
            loads.append(Date().timeIntervalSince(t))
            loadsCPU.append(threadCPUTime() - c)
        }
        print(String(format: "model: %@ (%.2f MB in %d files), load %.1f ms wall, %.1f ms CPU (best of 5), passes %d",
                     modelDir.path, Double(bytes) / 1_048_576, files.count, (loads.min() ?? 0) * 1000,
                     (loadsCPU.min() ?? 0) * 1000, tagger.manifest.passes))

        // Dev F1.
        let devPath = dataDir.appendingPathComponent("conll2003/dev.txt").path
        if let dev = try? CoNLLCorpus.read(path: devPath) {
            let gold = try dev.lastColumnLabels()
            let labels = tagger.labels(for: dev.text, documents: dev.documents)
            print("dev (\(devPath)):")
            print(ChunkScore.score(gold: gold, predicted: labels, sentences: dev.text.sentences).report)
        } else {
            print("dev: \(devPath) not found, skipped")
        }

        // Throughput on raw text.
        let trainPath = dataDir.appendingPathComponent("conll2003/train.txt").path
        guard let train = try? CoNLLCorpus.read(path: trainPath) else {
            print("throughput: \(trainPath) not found, skipped")
            return
        }
        var text = ""
        for document in train.documents {
            for s in document {
                text += train.text.sentences[s].map { train.text.text(of: $0) }.joined(separator: " ")
                text += "\n"
            }
            text += "\n"
        }
        let copies = 3
        text = String(repeating: text, count: copies)
        var tokenCount = 0
        // Wall clock and this thread's CPU time (the latter is steadier on a shared machine).
        var bestTag = (wall: Double.infinity, cpu: Double.infinity)
        var bestDocument = (wall: Double.infinity, cpu: Double.infinity)
        for _ in 0..<3 {
            let t0 = Date(), c0 = threadCPUTime()
            let tokens = tagger.tokenizer.tokenize(text)
            let labels = tagger.labels(for: tokens, documents: [0..<tokens.sentences.count])
            let t1 = Date(), c1 = threadCPUTime()
            tokenCount = labels.count
            let result = tagger.tagDocument([text])
            let t2 = Date(), c2 = threadCPUTime()
            if result.mentions.isEmpty { print("warning: no mentions found") }
            bestTag = (min(bestTag.wall, t1.timeIntervalSince(t0)), min(bestTag.cpu, c1 - c0))
            bestDocument = (min(bestDocument.wall, t2.timeIntervalSince(t1)), min(bestDocument.cpu, c2 - c1))
        }
        let n = Double(tokenCount)
        print(String(format: "tokenise + tag raw text: %d tokens, wall %.3f s = %.0f tokens/s, CPU %.3f s = %.0f tokens/s (best of 3)",
                     tokenCount, bestTag.wall, n / bestTag.wall, bestTag.cpu, n / bestTag.cpu))
        print(String(format: "tagDocument (tokenise, tag, link entities): wall %.3f s = %.0f tokens/s, CPU %.3f s = %.0f tokens/s (best of 3)",
                     bestDocument.wall, n / bestDocument.wall, bestDocument.cpu, n / bestDocument.cpu))
    }
}
