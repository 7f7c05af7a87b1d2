#!/bin/sh
# Pictures of a published plan year, to look at as a reader would before publishing:
#   PDF page 1 and a middle page, the DOCX as LibreOffice prints it (same pages), and the HTML
#   page in a desktop (1280 px) and a phone (390 px) window.
# Usage: scripts/look.sh out/2020-2022 [pictures-folder]
# Needs pdftoppm, soffice and chromium (as installed by the project's setup script).
set -eu

dir=${1:?usage: scripts/look.sh out/<plan years> [pictures-folder]}
pics=${2:-$dir/look}
mkdir -p "$pics"

pages=$(pdfinfo "$dir/allegato-1.pdf" | awk '/^Pages:/ { print $2 }')
middle=$(( (pages + 1) / 2 ))
pdftoppm -png -r 60 -f 1 -l 1 "$dir/allegato-1.pdf" "$pics/pdf"
pdftoppm -png -r 60 -f "$middle" -l "$middle" "$dir/allegato-1.pdf" "$pics/pdf"

profile=$(mktemp -d)
soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$pics" "$dir/allegato-1.docx" >/dev/null 2>&1
rm -rf "$profile"
pdftoppm -png -r 60 -f 1 -l 1 "$pics/allegato-1.pdf" "$pics/docx"
pdftoppm -png -r 60 -f "$middle" -l "$middle" "$pics/allegato-1.pdf" "$pics/docx"
rm -f "$pics/allegato-1.pdf"

html=$(realpath "$dir/allegato-1.html")
for width in 1280 390; do
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --window-size="$width,2400" --screenshot="$pics/html-$width.png" "file://$html" 2>/dev/null
done

echo "pictures in $pics:"
ls "$pics"
