"""Build the public site of a medborgarlöfte (citizen promise) from Markdown and YAML."""
