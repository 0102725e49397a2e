//! Word lists for web furniture.

crate::word_lists! {
    /// Share-button labels (`Facebook`, `WhatsApp`, `Email`).
    share_networks = "furniture/share_networks.txt";
}
