// Placeholder until the BriefFeeds layer lands; replaced by its first real file.
