"""What every room uses: typed background workers, translation and locale formatting, theme and
icons, the scanner filter, print previews and the shared base of the table models."""
