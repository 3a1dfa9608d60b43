// Placeholder until BriefFeedsTests has its first test file.
