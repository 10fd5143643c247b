"""정보보호위원회: meetings, members, attendance, agenda, votes, resolutions, minutes (guide 제6장)."""
