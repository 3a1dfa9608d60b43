// Placeholder until BriefCLITests has its first test file.
