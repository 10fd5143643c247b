"""Provider self-check questionnaires, answers, evidence, verification (확인평가), deficiencies."""
