"""The plan as data: every table under data/ read, validated and looked up. No formatting, no pages."""
