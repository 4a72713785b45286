"""People: self-declarations (/iam) and their verification."""
