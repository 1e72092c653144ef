"""Text: sentences, chunks, tokens, page furniture, who said it, and where a quote is.

Pure functions over strings with exact character offsets; every stage that reads article text uses them.
"""
