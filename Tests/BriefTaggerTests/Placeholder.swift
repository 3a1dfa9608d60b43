// Placeholder until BriefTaggerTests has its first test file.
