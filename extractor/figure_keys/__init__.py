"""What each percentage and count measures: subject, period and place (the id_figure_keys component)."""
