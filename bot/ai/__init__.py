"""Language-model and embedding providers behind the domain's AI ports."""
