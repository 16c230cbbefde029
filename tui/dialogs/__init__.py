"""Modal dialogs: forms that return their result through dismiss()."""
